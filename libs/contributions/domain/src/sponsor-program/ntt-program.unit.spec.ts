import type { ContributionAccountEvent, SponsorProgramEvent } from '@santunan/contracts';
import { addMonths } from '@santunan/domain-kernel';
import {
  accountContext,
  accountHistory,
  accountStateOf,
  NTT_PROGRAM,
  nttSponsoredAccountSteps,
  programContext,
} from '../__tests__/fixtures';
import { coverageSummary } from '../contribution-account/coverage';
import { decideContributionAccount } from '../contribution-account/contribution-account.decide';
import type { SponsorProgramCommand } from './sponsor-program.commands';
import { decideSponsorProgram } from './sponsor-program.decide';
import { programReports } from './sponsor-program.report';
import {
  evolveSponsorProgram,
  initialSponsorProgramState,
  type SponsorProgramState,
} from './sponsor-program.state';

const WORKERS = 50_000;
const MONTHS = Array.from({ length: 12 }, (_, index) => addMonths('2026-01', index));
const workerId = (index: number): string => `ntt-worker-${String(index + 1).padStart(5, '0')}`;

/**
 * The rules reference's NTT case at full scale, through the real decider: Rp10,080,000,000
 * for 2026 buys 50,000 workers, and paying every month for all of them spends exactly that.
 */
describe('NTT 2026: 50,000 workers, 12 months, Rp10,080,000,000', () => {
  const events: SponsorProgramEvent[] = [];
  let state: SponsorProgramState = initialSponsorProgramState();
  const run = (today: string, command: SponsorProgramCommand) => {
    const decision = decideSponsorProgram(command, state, programContext(today));
    if (decision.ok) {
      for (const event of decision.events) {
        events.push(event);
        state = evolveSponsorProgram(state, event);
      }
    }
    return decision;
  };

  beforeAll(() => {
    run('2025-12-01', NTT_PROGRAM);
    for (let index = 0; index < WORKERS; index += 1) {
      const decision = run('2025-12-15', {
        type: 'EnrolParticipant',
        participantId: workerId(index),
        fromMonth: '2026-01',
      });
      if (!decision.ok) throw new Error(`worker ${index + 1}: ${decision.rejection.message}`);
    }
    for (const month of MONTHS) {
      const today = `${month}-01`;
      run(today, { type: 'IssueSponsorStatement', month });
      const paid = run(`${month}-14`, {
        type: 'ReceiveSponsorPayment',
        month,
        paymentReference: `SP2D-NTT-${month}`,
        amount: 840_000_000,
        paidAt: `${month}-14T10:00:00+08:00`,
        paidOn: `${month}-14`,
      });
      if (!paid.ok) throw new Error(`${month}: ${paid.rejection.message}`);
    }
  });

  it('buys a quota of 50,000 and refuses the 50,001st worker', () => {
    expect(state).toMatchObject({
      quota: 50_000,
      activeEnrolments: 50_000,
      committed: 10_080_000_000,
    });
    const decision = decideSponsorProgram(
      { type: 'EnrolParticipant', participantId: 'ntt-worker-50001', fromMonth: '2026-01' },
      state,
      programContext('2025-12-15'),
    );
    expect(decision).toMatchObject({
      ok: false,
      rejection: { code: 'PROGRAM_QUOTA_EXHAUSTED', details: { quota: 50_000, enrolled: 50_000 } },
    });
  });

  it('bills and pays Rp840,000,000 a month and exactly Rp10,080,000,000 in the year', () => {
    const report = programReports(events).get('ntt-2026');
    expect(report).toMatchObject({
      quota: 50_000,
      enrolled: 50_000,
      committed: 10_080_000_000,
      uncommittedBudget: 0,
      billed: 10_080_000_000,
      received: 10_080_000_000,
      paid: 10_080_000_000,
      held: 0,
      refunded: 0,
      remainingBudget: 0,
    });
    const statements = events.flatMap((event) =>
      event.type === 'SponsorStatementIssued' ? [event.data] : [],
    );
    expect(
      statements.map((statement) => [
        statement.dues,
        statement.jkk,
        statement.jkm,
        statement.total,
      ]),
    ).toEqual(MONTHS.map(() => [50_000, 500_000_000, 340_000_000, 840_000_000]));
  });

  it('allocates 600,000 dues: every worker paid for each of the 12 months, Rp201,600 each', () => {
    const perWorker = new Map<string, number>();
    let dues = 0;
    let amount = 0;
    for (const event of events) {
      if (event.type !== 'SponsorPaymentAllocated') continue;
      dues += event.data.participantIds.length;
      amount += event.data.amount;
      for (const id of event.data.participantIds)
        perWorker.set(id, (perWorker.get(id) ?? 0) + event.data.contribution.total);
    }
    expect(dues).toBe(600_000);
    expect(amount).toBe(10_080_000_000);
    expect(perWorker.size).toBe(WORKERS);
    expect([...perWorker.values()].every((paid) => paid === 201_600)).toBe(true);
  });

  it('covers each worker through December 2026 with a masa iur of 12 (a sample through the accounts)', () => {
    const sample = [0, 1, 24_999, 49_999].map(workerId);
    for (const participantId of sample) {
      let history: ContributionAccountEvent[] = accountHistory([
        ...nttSponsoredAccountSteps('2025-12-15', { participantId }),
      ]);
      // The fan-out: each allocation naming this worker becomes a command on his account.
      for (const event of events) {
        if (
          event.type !== 'SponsorPaymentAllocated' ||
          !event.data.participantIds.includes(participantId)
        )
          continue;
        const { month, paymentReference, contribution, paidAt, paidOn } = event.data;
        history = accountHistory(
          [
            [`${month}-01`, { type: 'BillContributionMonth', month }],
            [
              paidOn,
              {
                type: 'RecordSponsoredContribution',
                programId: 'ntt-2026',
                month,
                paymentReference,
                contribution,
                paidAt,
                paidOn,
              },
            ],
          ],
          history,
        );
      }
      const closed = decideContributionAccount(
        { type: 'CloseContributionMonth', month: '2026-12' },
        accountStateOf(history),
        accountContext('2027-01-01'),
      );
      expect(closed).toEqual({ ok: true, events: [] });
      expect(coverageSummary(accountStateOf(history), '2026-12')).toMatchObject({
        standing: 'active',
        paidThrough: '2026-12',
        firstPaidMonth: '2026-01',
        masaIurMonths: 12,
        arrearsMonths: [],
        membership: { kind: 'sponsored', programId: 'ntt-2026' },
      });
      const paid = history.flatMap((event) =>
        event.type === 'ContributionPaid' ? [event.data.amount] : [],
      );
      expect(paid.reduce((sum, amount) => sum + amount, 0)).toBe(201_600);
    }
  });
});
