import { Inject, Injectable } from '@nestjs/common';
import type { PayoutScheduled } from '@santunan/contracts';
import {
  payoutIdsOfPlan,
  planPayouts,
  supersede,
  type ApprovedDecision,
  type DecidedDisbursement,
  type EarlierPayout,
  type PayoutPlanState,
} from '@santunan/payouts-domain';
import { accepted, ServiceRuntime, type Transaction } from '@santunan/platform';
import type { Cause } from '../shared/cause';
import { benefitPayoutId } from '../shared/payout-ids';
import { PayoutStreams } from '../shared/payout-streams.repository';
import {
  fromClaimApproved,
  fromScholarshipInstalment,
  type PublishedClaimApproved,
  type PublishedInstalmentApproved,
} from './approved-decision.mapper';

export interface SchedulingOutcome {
  readonly decisionId: string;
  /** False when the decision was planned before (a redelivery or replay). */
  readonly planned: boolean;
  readonly scheduledPayoutIds: readonly string[];
  readonly cancelledPayoutIds: readonly string[];
}

function orderFor(
  decision: ApprovedDecision,
  disbursement: DecidedDisbursement,
  planned: { payoutId: string; amount: number },
  components: PayoutScheduled['components'],
  scheduledOn: string,
): PayoutScheduled {
  return {
    payoutId: planned.payoutId,
    kind: 'benefit',
    decision: decision.reference,
    participantId: decision.participantId,
    program: decision.program,
    benefitType: decision.benefitType,
    beneficiary: disbursement.beneficiary,
    bankAccount: disbursement.bankAccount,
    components,
    amount: planned.amount,
    currency: 'IDR',
    dueDate: decision.sla?.dueDate ?? null,
    sla: decision.sla,
    regencyCode: decision.regencyCode,
    compensation: null,
    scheduledOn,
  };
}

/**
 * An approved decision becomes a payout plan and one payout order per beneficiary, all in
 * the caller's transaction (the consumer's, with its inbox row). A superseding decision first
 * cancels the superseded decision's orders that have not reached the bank, and orders only
 * what the beneficiaries are still owed. A decision the domain refuses (amounts that do not
 * add up) is raised as a DomainRejectedError: the consumer dead-letters it rather than half
 * paying it.
 */
@Injectable()
export class SchedulePayoutsHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  /** `ClaimApproved` as claims published it (payees' names and accounts sealed). */
  async claimApproved(
    tx: Transaction,
    published: PublishedClaimApproved,
    cause: Cause,
  ): Promise<SchedulingOutcome> {
    return this.apply(tx, await fromClaimApproved(this.runtime.cipher, published), cause);
  }

  /** `ScholarshipInstalmentApproved` as claims published it. */
  async instalmentApproved(
    tx: Transaction,
    published: PublishedInstalmentApproved,
    cause: Cause,
  ): Promise<SchedulingOutcome> {
    return this.apply(tx, await fromScholarshipInstalment(this.runtime.cipher, published), cause);
  }

  async apply(
    tx: Transaction,
    decision: ApprovedDecision,
    cause: Cause,
  ): Promise<SchedulingOutcome> {
    const { decisionId } = decision.reference;
    const unchanged = {
      decisionId,
      planned: false,
      scheduledPayoutIds: [],
      cancelledPayoutIds: [],
    };
    if ((await this.streams.plan(tx, decisionId)).status === 'planned') return unchanged;
    const today = this.runtime.clock.today();
    const superseded = await this.supersedeEarlier(tx, decision, cause, today);

    const payoutIds = Object.fromEntries(
      decision.disbursements.map((d) => [
        d.beneficiary.beneficiaryId,
        benefitPayoutId(decisionId, d.beneficiary.beneficiaryId),
      ]),
    );
    const decided = await this.streams.decidePlan(
      tx,
      decisionId,
      decision.participantId,
      {
        type: 'CreatePayoutPlan',
        decision,
        payoutIds,
        carriedOver: superseded.keep,
        plannedOn: today,
      },
      cause,
    );
    const result = accepted(decided, `payout plan of decision ${decisionId}`);
    // A racing transaction committed the plan (and, with it, its orders) since the check above.
    if (result.events.length === 0) return unchanged;
    if (result.state.status !== 'planned')
      throw new Error(`decision ${decisionId} was not planned`);
    // The decider kept amounts only; the same pure planning gives each order's components.
    const draft = planPayouts(decision, superseded.keep);
    const scheduled: string[] = [];
    for (const planned of result.state.payouts) {
      const toOrder = draft.toOrder.find(
        (candidate) => candidate.disbursement.beneficiary.beneficiaryId === planned.beneficiaryId,
      );
      if (toOrder === undefined)
        throw new Error(`plan names unknown beneficiary ${planned.beneficiaryId}`);
      const order = orderFor(decision, toOrder.disbursement, planned, toOrder.components, today);
      const outcome = accepted(
        await this.streams.schedule(tx, order, cause),
        `payout ${planned.payoutId} of decision ${decisionId}`,
      );
      if (outcome.events.length > 0) scheduled.push(planned.payoutId);
    }
    return {
      decisionId,
      planned: true,
      scheduledPayoutIds: scheduled,
      cancelledPayoutIds: superseded.cancel,
    };
  }

  /** Cancels what of the superseded decision has not reached the bank; returns what stays. */
  private async supersedeEarlier(
    tx: Transaction,
    decision: ApprovedDecision,
    cause: Cause,
    today: string,
  ): Promise<ReturnType<typeof supersede>> {
    const earlierId = decision.supersedesDecisionId;
    if (earlierId === null) return { cancel: [], keep: [] };
    const earlier: PayoutPlanState = await this.streams.plan(tx, earlierId);
    // A superseded rejection (appeal of a refusal) had nothing to pay.
    if (earlier.status === 'none') return { cancel: [], keep: [] };
    const payouts: EarlierPayout[] = [];
    for (const payoutId of payoutIdsOfPlan(earlier)) {
      const state = await this.streams.order(tx, payoutId);
      if (state.status === 'none')
        throw new Error(`payout ${payoutId} of decision ${earlierId} is missing`);
      const { beneficiary, components, amount } = state.order;
      payouts.push({
        payoutId,
        beneficiaryId: beneficiary.beneficiaryId,
        components,
        amount,
        status: state.status,
      });
    }
    const outcome = supersede(payouts);
    for (const payoutId of outcome.cancel) {
      const cancelled = await this.streams.decideOrder(
        tx,
        payoutId,
        earlier.participantId,
        {
          type: 'CancelPayout',
          reason: 'decision-superseded',
          note: `superseded by decision ${decision.reference.decisionId}`,
          supersededByDecisionId: decision.reference.decisionId,
          cancelledBy: cause.actor.id,
          cancelledOn: today,
        },
        cause,
      );
      accepted(cancelled, `cancellation of payout ${payoutId}`);
    }
    const plan = await this.streams.decidePlan(
      tx,
      earlierId,
      earlier.participantId,
      {
        type: 'SupersedePayoutPlan',
        supersededByDecisionId: decision.reference.decisionId,
        cancelledPayoutIds: outcome.cancel,
        carriedOverPayoutIds: outcome.keep.map((payout) => payout.payoutId),
        supersededOn: today,
      },
      cause,
    );
    accepted(plan, `superseding the payout plan of decision ${earlierId}`);
    return outcome;
  }
}
