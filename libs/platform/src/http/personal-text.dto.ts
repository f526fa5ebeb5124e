import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/** A personal field whose subject's key was erased (crypto-shredding): `{ "redacted": true }`. */
@ApiSchema({
  name: 'Redacted',
  description: 'A personal value whose subject’s key was erased: it can never be read again.',
})
export class RedactedDto {
  @ApiProperty({ enum: [true], type: 'boolean' })
  redacted!: true;
}

export interface PersonalTextOptions {
  readonly description?: string;
  readonly example?: string;
  readonly required?: boolean;
}

/**
 * A personal text field of a response: the text (in full or masked, as the caller may see it),
 * or `{ "redacted": true }` once the subject's key is erased. (`Redacted` is in every
 * service's components: mountOpenApi adds it.)
 */
export const ApiPersonalText = (options: PersonalTextOptions = {}): PropertyDecorator =>
  ApiProperty({
    required: options.required ?? true,
    ...(options.description === undefined ? {} : { description: options.description }),
    oneOf: [
      { type: 'string', ...(options.example === undefined ? {} : { example: options.example }) },
      { $ref: getSchemaPath(RedactedDto) },
    ],
  });
