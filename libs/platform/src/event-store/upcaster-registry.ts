import { PUBLISHED_EVENT_UPCASTS, type EventUpcastStep } from '@santunan/contracts';
import type { EventEnvelope } from './envelope';

type Upcast = (data: unknown) => unknown;

/**
 * Converts stored shapes of an event type to its current shape on read. Each upcaster
 * lifts one schema version to the next (v1→v2, v2→v3), and reading chains them, so a
 * published shape is never edited in place (conventions.md, rule 5). Upcasters must be
 * pure and return new objects; the stored form, which the hash covers, stays untouched.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, Upcast>>();

  /**
   * Registers the step from `fromSchemaVersion` to `fromSchemaVersion + 1`. `From` is the
   * stored shape the caller vouches for; stored data is not validated here.
   */
  register<From, To>(type: string, fromSchemaVersion: number, upcast: (data: From) => To): this {
    if (!Number.isInteger(fromSchemaVersion) || fromSchemaVersion < 1) {
      throw new RangeError(`schema versions start at 1, got ${fromSchemaVersion} for ${type}`);
    }
    const steps = this.byType.get(type) ?? new Map<number, Upcast>();
    if (steps.has(fromSchemaVersion)) {
      throw new Error(`an upcaster for ${type} v${fromSchemaVersion} is already registered`);
    }
    steps.set(fromSchemaVersion, upcast as unknown as Upcast);
    this.byType.set(type, steps);
    return this;
  }

  /** The envelope in the newest shape known; the same object when no step applies. */
  upcast(envelope: EventEnvelope): EventEnvelope {
    const steps = this.byType.get(envelope.type);
    if (!steps) return envelope;
    let { data, schemaVersion } = envelope;
    for (let step = steps.get(schemaVersion); step; step = steps.get(schemaVersion)) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === envelope.schemaVersion
      ? envelope
      : { ...envelope, schemaVersion, data };
  }
}

/**
 * The registry every reader uses unless told otherwise: the steps of all published events
 * (`PUBLISHED_EVENT_UPCASTS`), so a service's store, its consumers and the audit read the same
 * shapes without each app listing them.
 */
export function publishedEventUpcasters(
  steps: readonly EventUpcastStep[] = PUBLISHED_EVENT_UPCASTS,
): UpcasterRegistry {
  const registry = new UpcasterRegistry();
  for (const { type, fromSchemaVersion, upcast } of steps) {
    registry.register(type, fromSchemaVersion, upcast);
  }
  return registry;
}
