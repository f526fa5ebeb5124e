import {
  EMPLOYER_PERSONAL_DATA_PATHS,
  EMPLOYER_SCHEMA_VERSIONS,
  WORKER_PERSONAL_DATA_PATHS,
  WORKER_SCHEMA_VERSIONS,
  type EmployerEvent,
  type WorkerEvent,
} from '@santunan/contracts/employers';
import type { StreamDefinition } from '@santunan/platform';

/** One stream per employer (by NPP): identity, branches, risk class history. Nothing personal. */
export const EMPLOYER_STREAM: StreamDefinition<EmployerEvent> = {
  streamType: 'employer',
  schemaVersions: EMPLOYER_SCHEMA_VERSIONS,
  personalDataPaths: EMPLOYER_PERSONAL_DATA_PATHS,
};

/**
 * One stream per worker's employment with one employer, so a large employer's monthly wage
 * reports do not queue on one stream; the worker's NIK and name sealed with their key.
 */
export const WORKER_STREAM: StreamDefinition<WorkerEvent> = {
  streamType: 'employer-worker',
  schemaVersions: WORKER_SCHEMA_VERSIONS,
  personalDataPaths: WORKER_PERSONAL_DATA_PATHS,
};

export const employerStreamId = (npp: string): string => `employer-${npp}`;

export const workerStreamId = (npp: string, participantId: string): string =>
  `employer-worker-${npp}-${participantId}`;
