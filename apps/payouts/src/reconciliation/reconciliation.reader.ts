import { Inject, Injectable } from '@nestjs/common';
import type { PayoutKind, PayoutProgram, PayoutStatus } from '@santunan/contracts';
import {
  checkDecisions,
  dailyReport,
  type DailyReport,
  type DecisionCheckReport,
  type Movement,
} from '@santunan/payouts-domain';
import { ServiceRuntime } from '@santunan/platform';
import { ReconciliationProjection } from './reconciliation.projection';

/**
 * Reconciliation for finance and auditors: the day's movements per program and
 * kabupaten/kota, and the check of every decision's settled payouts against its amount.
 * The regency comes from the decision when it carries one, else from enrollment's
 * registration (participant_regions), else 'unknown'.
 */
@Injectable()
export class ReconciliationReader {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(ReconciliationProjection) private readonly projection: ReconciliationProjection,
  ) {}

  async daily(date: string): Promise<DailyReport> {
    await this.runtime.catchUp(this.projection);
    const rows = await this.runtime.database.query<{
      program: PayoutProgram;
      kind: PayoutKind;
      regency_code: string | null;
      sponsor_program_id: string | null;
      movement: Movement;
      amount: string;
    }>(
      `select p.program, p.kind, coalesce(p.regency_code, r.regency_code) as regency_code,
              r.sponsor_program_id, m.movement, m.amount
         from reconciliation_movements m
         join reconciliation_payouts p on p.payout_id = m.payout_id
         left join participant_regions r on r.participant_id = p.participant_id
        where m.business_date = $1`,
      [date],
    );
    return dailyReport(
      date,
      rows.map((row) => ({
        program: row.program,
        payoutKind: row.kind,
        regencyCode: row.regency_code,
        sponsorProgramId: row.sponsor_program_id,
        movement: row.movement,
        amount: Number(row.amount),
      })),
    );
  }

  async decisions(): Promise<DecisionCheckReport> {
    await this.runtime.catchUp(this.projection);
    const decisions = await this.runtime.database.query<{
      decision_id: string;
      claim_id: string;
      program: PayoutProgram;
      decided_amount: string;
      supersedes_decision_id: string | null;
      superseded_by_decision_id: string | null;
    }>('select * from reconciliation_decisions order by planned_on, decision_id');
    const payouts = await this.runtime.database.query<{
      payout_id: string;
      decision_id: string;
      kind: PayoutKind;
      amount: string;
      status: PayoutStatus;
    }>('select payout_id, decision_id, kind, amount, status from reconciliation_payouts');
    return checkDecisions(
      decisions.map((row) => ({
        decisionId: row.decision_id,
        claimId: row.claim_id,
        program: row.program,
        decidedAmount: Number(row.decided_amount),
        supersedesDecisionId: row.supersedes_decision_id,
        supersededByDecisionId: row.superseded_by_decision_id,
      })),
      payouts.map((row) => ({
        payoutId: row.payout_id,
        decisionId: row.decision_id,
        kind: row.kind,
        amount: Number(row.amount),
        status: row.status,
      })),
    );
  }
}
