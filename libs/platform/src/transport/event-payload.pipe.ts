import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { PayloadRejectedError } from '../consumers/payload-rejected.error';
import { validatePayload } from '../consumers/payload-validation';

const UNCHECKED = new Set<unknown>([Object, String, Number, Boolean, Array, undefined]);

/**
 * Validates an `@Payload()` typed with a class (class-validator decorators) as a tolerant reader:
 * unknown members are stripped, not refused, since a producer may add fields compatibly. A
 * payload typed with a contract interface reaches the handler as published, already checked by
 * the transport against the event's JSON Schema. Installed on the event transport by
 * `connectEventTransport`.
 */
@Injectable()
export class EventPayloadPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest reports an RPC `@Payload()` to pipes as 'body' (and `@Ctx()` as 'custom').
    if (metadata.type !== 'body' || UNCHECKED.has(metadata.metatype)) {
      return value;
    }
    const dto = metadata.metatype as new () => object;
    const checked = await validatePayload(dto, (value ?? {}) as Readonly<Record<string, unknown>>);
    if (!checked.ok) throw new PayloadRejectedError(checked.errors);
    return checked.value;
  }
}
