/**
 * The steps that lift a stored or republished event from one schema version to the next
 * (ADR 0019; conventions.md rule 5): a changed shape is a new version, never an edit, and every
 * reader — the owning service's store, the consumers of its topic, the audit's replays — reads
 * the newest shape through the same steps. Each step is pure and returns a new object; the
 * stored form, which the hash chain and the signature cover, stays as it was.
 */
import type { ContributionPaid, ContributionPaidV1 } from '../contributions/events';
import { ENROLLMENT_UPCASTS } from '../enrollment/upcasters';

export interface EventUpcastStep {
  readonly type: string;
  /** The step lifts this version to the next one. */
  readonly fromSchemaVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

const step = <From, To>(
  type: string,
  fromSchemaVersion: number,
  upcast: (data: From) => To,
): EventUpcastStep => ({ type, fromSchemaVersion, upcast: upcast as (data: unknown) => unknown });

export const CONTRIBUTIONS_UPCASTS: readonly EventUpcastStep[] = [
  // v1 → v2: the CoverageExtended recorded after a v1 payment still says what it extended.
  step<ContributionPaidV1, ContributionPaid>('ContributionPaid', 1, (data) => ({
    ...data,
    coverageExtended: null,
  })),
];

/** Every step of every context's published events; event types are unique across contexts. */
export const PUBLISHED_EVENT_UPCASTS: readonly EventUpcastStep[] = [
  ...ENROLLMENT_UPCASTS,
  ...CONTRIBUTIONS_UPCASTS,
];
