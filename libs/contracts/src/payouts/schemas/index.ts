/**
 * The published JSON Schemas (draft-07) of `payouts.events` (one per event type, each the
 * whole envelope with its `data`) and of `payouts.settlements`. They describe the wire form:
 * personal fields are encrypted objects. Referenced by docs/asyncapi/payouts.asyncapi.yaml and santunan.asyncapi.yaml.
 */
import type { JsonSchemaDocument } from '../../json-schema';
import type { PayoutsEventType } from '../events';
import common from './common.schema.json';
import envelope from './envelope.schema.json';
import payoutBatchBankReferenceRecorded from './payout-batch-bank-reference-recorded.schema.json';
import payoutBatchInstructed from './payout-batch-instructed.schema.json';
import payoutBatchPrepared from './payout-batch-prepared.schema.json';
import payoutBatched from './payout-batched.schema.json';
import payoutCancelled from './payout-cancelled.schema.json';
import payoutFailed from './payout-failed.schema.json';
import payoutInstructed from './payout-instructed.schema.json';
import payoutPlanCreated from './payout-plan-created.schema.json';
import payoutPlanSuperseded from './payout-plan-superseded.schema.json';
import payoutReissueRequested from './payout-reissue-requested.schema.json';
import payoutReissued from './payout-reissued.schema.json';
import payoutReturned from './payout-returned.schema.json';
import payoutScheduled from './payout-scheduled.schema.json';
import payoutSettled from './payout-settled.schema.json';
import settlementReport from './settlement-report.schema.json';

/** Referenced by the event schemas (`common.schema.json#/definitions/…`, the envelope). */
export const PAYOUTS_SHARED_SCHEMAS: readonly JsonSchemaDocument[] = [common, envelope];

export const PAYOUTS_EVENT_SCHEMAS: Readonly<Record<PayoutsEventType, JsonSchemaDocument>> = {
  PayoutPlanCreated: payoutPlanCreated,
  PayoutPlanSuperseded: payoutPlanSuperseded,
  PayoutScheduled: payoutScheduled,
  PayoutBatched: payoutBatched,
  PayoutInstructed: payoutInstructed,
  PayoutSettled: payoutSettled,
  PayoutFailed: payoutFailed,
  PayoutReturned: payoutReturned,
  PayoutReissueRequested: payoutReissueRequested,
  PayoutReissued: payoutReissued,
  PayoutCancelled: payoutCancelled,
  PayoutBatchPrepared: payoutBatchPrepared,
  PayoutBatchInstructed: payoutBatchInstructed,
  PayoutBatchBankReferenceRecorded: payoutBatchBankReferenceRecorded,
};

export const SETTLEMENT_REPORT_SCHEMA: JsonSchemaDocument = settlementReport;
