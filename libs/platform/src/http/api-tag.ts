import { ApiTags } from '@nestjs/swagger';

export const API_TAG_METADATA = 'santunan:api-tag';

export interface ApiTagDescription {
  readonly name: string;
  readonly description: string;
}

/**
 * `@ApiTags(name)` with the tag's description for the OpenAPI document. Describe a tag once,
 * on its main controller; the others of the tag keep `@ApiTags(name)`.
 */
export function ApiTag(name: string, description: string): ClassDecorator {
  return (target) => {
    ApiTags(name)(target);
    const described: ApiTagDescription = { name, description };
    Reflect.defineMetadata(API_TAG_METADATA, described, target);
  };
}

/** The tag a controller describes with `@ApiTag`, if any. */
export function apiTagOf(controller: object): ApiTagDescription | undefined {
  return Reflect.getOwnMetadata(API_TAG_METADATA, controller) as ApiTagDescription | undefined;
}
