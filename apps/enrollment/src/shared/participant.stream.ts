import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type EnrollmentEvent,
} from '@santunan/contracts';
import type { StreamDefinition } from '@santunan/platform';

/** One stream per participant; personal fields sealed with the participant's own key. */
export const PARTICIPANT_STREAM: StreamDefinition<EnrollmentEvent> = {
  streamType: 'participant',
  schemaVersions: ENROLLMENT_SCHEMA_VERSIONS,
  personalDataPaths: ENROLLMENT_PERSONAL_DATA_PATHS,
};

export function participantStreamId(participantId: string): string {
  return `participant-${participantId}`;
}
