import {
  CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  CONTRIBUTIONS_SCHEMA_VERSIONS,
  type ContributionAccountEvent,
  type SponsorProgramEvent,
} from '@santunan/contracts';
import type { StreamDefinition } from '@santunan/platform';

/**
 * A sponsor program: budget, quota, enrolments, statements, payments (docs/adr/0008). Its
 * writers queue (docs/adr/0012), and so do an account's: the scheduler and the fan-out write
 * accounts in batches, where one lost race would redo the whole batch.
 */
export const SPONSOR_PROGRAM_STREAM: StreamDefinition<SponsorProgramEvent> = {
  streamType: 'sponsor-program',
  schemaVersions: CONTRIBUTIONS_SCHEMA_VERSIONS,
  personalDataPaths: CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  queueWriters: true,
};

/** A participant's contribution account: memberships, dues, payments, coverage. */
export const CONTRIBUTION_ACCOUNT_STREAM: StreamDefinition<ContributionAccountEvent> = {
  streamType: 'contribution-account',
  schemaVersions: CONTRIBUTIONS_SCHEMA_VERSIONS,
  personalDataPaths: CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  queueWriters: true,
};

export const sponsorProgramStreamId = (programId: string): string => `sponsor-program-${programId}`;

export const contributionAccountStreamId = (participantId: string): string =>
  `contribution-account-${participantId}`;

const ACCOUNT_PREFIX = 'contribution-account-';

/** The participant of an account stream, or null for another stream. */
export function participantOfStream(streamId: string): string | null {
  return streamId.startsWith(ACCOUNT_PREFIX) ? streamId.slice(ACCOUNT_PREFIX.length) : null;
}
