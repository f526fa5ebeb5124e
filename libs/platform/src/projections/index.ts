export type { Projection } from './projection';
export {
  ProjectionCheckpoints1764000000200,
  projectionMigrations,
} from './projection-checkpoints.migration';
export { readCheckpoint, writeCheckpoint } from './checkpoints';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
