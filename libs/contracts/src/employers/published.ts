import type { PublishedEventSchema } from '../published-event-schemas';
import { Topics } from '../topics';
import { EMPLOYERS_EVENT_SCHEMAS } from './schemas';

/**
 * The employers context's entries for the published-schema registry: published by the
 * enrollment service (its topic, its signature, ADR 0037), the files in this folder.
 */
export const EMPLOYERS_PUBLISHED_EVENT_SCHEMAS: readonly PublishedEventSchema[] = Object.entries(
  EMPLOYERS_EVENT_SCHEMAS,
).map(([type, document]) => ({
  context: 'enrollment',
  topic: Topics.enrollmentEvents,
  type,
  schemaVersion: 1,
  document,
  file: `libs/contracts/src/employers/schemas/${document.$id}`,
}));
