import type { ServiceRuntime } from '@santunan/platform';
import { CancelPayout } from '../cancel-payout/cancel-payout.use-case';
import { BankFileReader } from '../instruct-batch/bank-file.reader';
import { InstructBatch } from '../instruct-batch/instruct-batch.use-case';
import type { PayoutViewProjection } from '../payout-view/payout-view.projection';
import { PayoutViewReader } from '../payout-view/payout-view.reader';
import type { ReconciliationProjection } from '../reconciliation/reconciliation.projection';
import { ReconciliationReader } from '../reconciliation/reconciliation.reader';
import { RecordSettlement } from '../record-settlement/record-settlement.use-case';
import { ReissuePayout } from '../reissue-payout/reissue-payout.use-case';
import { SchedulePayouts } from '../schedule-payouts/schedule-payouts.use-case';
import { PayoutStreams } from './payout-streams.repository';
import { workingDayCalendar } from './working-day-calendar';

export interface PayoutsProjections {
  readonly payoutView: PayoutViewProjection;
  readonly reconciliation: ReconciliationProjection;
}

/** The use cases and readers, wired once the runtime (database, store, cipher) exists. */
export class PayoutsServices {
  readonly streams: PayoutStreams;
  readonly schedulePayouts: SchedulePayouts;
  readonly recordSettlement: RecordSettlement;
  readonly instructBatch: InstructBatch;
  readonly bankFiles: BankFileReader;
  readonly reissuePayout: ReissuePayout;
  readonly cancelPayout: CancelPayout;
  readonly payouts: PayoutViewReader;
  readonly reconciliation: ReconciliationReader;

  constructor(
    readonly runtime: ServiceRuntime,
    projections: PayoutsProjections,
  ) {
    this.streams = new PayoutStreams(runtime);
    this.schedulePayouts = new SchedulePayouts(this.streams, runtime.clock);
    this.recordSettlement = new RecordSettlement(this.streams, runtime.clock, workingDayCalendar());
    this.instructBatch = new InstructBatch(runtime, this.streams, projections.payoutView);
    this.bankFiles = new BankFileReader(runtime, this.streams);
    this.reissuePayout = new ReissuePayout(runtime, this.streams);
    this.cancelPayout = new CancelPayout(runtime, this.streams);
    this.payouts = new PayoutViewReader(runtime, projections.payoutView, this.streams);
    this.reconciliation = new ReconciliationReader(runtime, projections.reconciliation);
  }
}
