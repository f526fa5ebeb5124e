import type {
  AccidentReportEvent,
  ClaimEvent,
  DeathRegisterEvent,
  ScholarshipEvent,
} from '@santunan/claims-domain';
import { CLAIMS_PERSONAL_DATA_PATHS, CLAIMS_SCHEMA_VERSIONS } from '@santunan/contracts';
import type { StreamDefinition } from '@santunan/platform';

// The four aggregates of the claims context (ADR 0009). Every stream's personal fields are
// sealed with the participant's key: the repository reads the paths from the contract.

export const ACCIDENT_REPORT_STREAM: StreamDefinition<AccidentReportEvent> = {
  streamType: 'accident-report',
  schemaVersions: CLAIMS_SCHEMA_VERSIONS,
  personalDataPaths: CLAIMS_PERSONAL_DATA_PATHS,
};

export const CLAIM_STREAM: StreamDefinition<ClaimEvent> = {
  streamType: 'claim',
  schemaVersions: CLAIMS_SCHEMA_VERSIONS,
  personalDataPaths: CLAIMS_PERSONAL_DATA_PATHS,
};

export const DEATH_REGISTER_STREAM: StreamDefinition<DeathRegisterEvent> = {
  streamType: 'death-register',
  schemaVersions: CLAIMS_SCHEMA_VERSIONS,
  personalDataPaths: CLAIMS_PERSONAL_DATA_PATHS,
};

export const SCHOLARSHIP_STREAM: StreamDefinition<ScholarshipEvent> = {
  streamType: 'scholarship-entitlement',
  schemaVersions: CLAIMS_SCHEMA_VERSIONS,
  personalDataPaths: CLAIMS_PERSONAL_DATA_PATHS,
};

export const accidentReportStreamId = (reportId: string): string => `accident-report-${reportId}`;
export const claimStreamId = (claimId: string): string => `claim-${claimId}`;
export const deathRegisterStreamId = (participantId: string): string => `death-${participantId}`;
export const scholarshipStreamId = (entitlementId: string): string =>
  `scholarship-${entitlementId}`;
