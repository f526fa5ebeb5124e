import { PAYOUTS_PERSONAL_DATA_PATHS, PAYOUTS_SCHEMA_VERSIONS } from '@santunan/contracts';
import {
  decideBankBatch,
  decidePayoutOrder,
  decidePayoutPlan,
  evolveBankBatch,
  evolvePayoutOrder,
  evolvePayoutPlan,
  initialBankBatchState,
  initialPayoutOrderState,
  initialPayoutPlanState,
  type BankBatchCommand,
  type BankBatchEvent,
  type BankBatchState,
  type PayoutOrderCommand,
  type PayoutOrderEvent,
  type PayoutOrderState,
  type PayoutPlanCommand,
  type PayoutPlanEvent,
  type PayoutPlanState,
} from '@santunan/payouts-domain';
import type { BoundDecider, StreamDefinition } from '@santunan/platform';

function pick<Key extends string, Value>(
  record: Readonly<Record<string, Value>>,
  keys: readonly Key[],
): Record<Key, Value> {
  return Object.fromEntries(keys.map((key) => [key, record[key] as Value])) as Record<Key, Value>;
}

function definition<Event extends { type: string }>(
  streamType: string,
  types: readonly Event['type'][],
): StreamDefinition<Event & { data: object }> {
  return {
    streamType,
    schemaVersions: pick(PAYOUTS_SCHEMA_VERSIONS, types),
    personalDataPaths: pick(PAYOUTS_PERSONAL_DATA_PATHS, types),
  };
}

export const PAYOUT_PLAN_STREAM = definition<PayoutPlanEvent>('payout-plan', [
  'PayoutPlanCreated',
  'PayoutPlanSuperseded',
]);

export const PAYOUT_STREAM = definition<PayoutOrderEvent>('payout', [
  'PayoutScheduled',
  'PayoutBatched',
  'PayoutInstructed',
  'PayoutSettled',
  'PayoutFailed',
  'PayoutReturned',
  'PayoutReissueRequested',
  'PayoutReissued',
  'PayoutCancelled',
]);

export const PAYOUT_BATCH_STREAM = definition<BankBatchEvent>('payout-batch', [
  'PayoutBatchPrepared',
  'PayoutBatchInstructed',
  'PayoutBatchBankReferenceRecorded',
]);

export const payoutPlanStreamId = (decisionId: string): string => `payout-plan-${decisionId}`;
export const payoutStreamId = (payoutId: string): string => `payout-${payoutId}`;
export const payoutBatchStreamId = (batchId: string): string => `payout-batch-${batchId}`;

export const payoutPlanDecider: BoundDecider<PayoutPlanCommand, PayoutPlanEvent, PayoutPlanState> =
  {
    decide: decidePayoutPlan,
    evolve: evolvePayoutPlan,
    initialState: initialPayoutPlanState,
  };

export const payoutOrderDecider: BoundDecider<
  PayoutOrderCommand,
  PayoutOrderEvent,
  PayoutOrderState
> = {
  decide: decidePayoutOrder,
  evolve: evolvePayoutOrder,
  initialState: initialPayoutOrderState,
};

export const bankBatchDecider: BoundDecider<BankBatchCommand, BankBatchEvent, BankBatchState> = {
  decide: decideBankBatch,
  evolve: evolveBankBatch,
  initialState: initialBankBatchState,
};
