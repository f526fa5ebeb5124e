/**
 * The published JSON Schemas (draft-07) of the employers context: one per event type and
 * schema version, each the whole envelope with its `data`, personal fields as encrypted
 * objects. Their $ids carry the context's name, so they can share a validator with the
 * enrollment service's own schemas (the same topic, ADR 0037).
 */
import type { JsonSchemaDocument } from '../../json-schema';
import type { EmployersEventType } from '../events';
import employerBranchOpened from './employer-branch-opened.schema.json';
import employerRegistered from './employer-registered.schema.json';
import employerRiskClassChanged from './employer-risk-class-changed.schema.json';
import common from './common.schema.json';
import envelope from './envelope.schema.json';
import wageReported from './wage-reported.schema.json';
import workerLeft from './worker-left.schema.json';
import workerRegistered from './worker-registered.schema.json';

export const EMPLOYERS_SHARED_SCHEMAS: readonly JsonSchemaDocument[] = [common, envelope];

export const EMPLOYERS_EVENT_SCHEMAS: Readonly<Record<EmployersEventType, JsonSchemaDocument>> = {
  EmployerRegistered: employerRegistered,
  EmployerBranchOpened: employerBranchOpened,
  EmployerRiskClassChanged: employerRiskClassChanged,
  WorkerRegistered: workerRegistered,
  WageReported: wageReported,
  WorkerLeft: workerLeft,
};
