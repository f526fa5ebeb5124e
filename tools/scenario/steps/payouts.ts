/**
 * Finance hands the scheduled payouts to the bank in a batch and reports back what the bank
 * did (POST /payout-settlements, the same SettlementReport as the payouts.settlements topic):
 * most settle, the planned ones fail (account closed). For each failure one finance officer
 * asks for a reissue to the heir's corrected account and another approves it (maker–checker);
 * the next batch pays it.
 */
import { USERS, type PayoutExpectation, type ScenarioContext } from '../context';
import { mapLimited, poll } from '../http-client';
import { rupiah } from './programs-and-enrollment';

interface PayoutView {
  readonly payoutId: string;
  readonly kind: string;
  readonly decisionId: string;
  readonly amount: number;
  readonly status: string;
  readonly attempt: number;
  readonly batchId: string | null;
  readonly bankAccount: {
    bankCode: string;
    accountNumber: string | null;
    accountName: string | null;
  };
}

interface BatchAnswer {
  readonly batchId: string;
  readonly payouts: { payoutId: string; attempt: number; amount: number }[];
  readonly total: number;
  readonly fileName: string;
}

interface Scheduled {
  readonly expectation: PayoutExpectation;
  readonly payout: PayoutView;
}

export async function settlePayouts(context: ScenarioContext): Promise<void> {
  const { state, checks, log, http, plan } = context;
  // Payouts orders each approved decision from claims.events.
  const scheduled: Scheduled[] = await mapLimited(state.payouts, 4, async (expectation) => {
    const payout = await poll(
      `the payout of ${expectation.label}`,
      async () => {
        const list = await http.call<{ items: PayoutView[] }>(
          'payouts',
          USERS.finance,
          'GET',
          `/payouts?decisionId=${expectation.decisionId}`,
        );
        return list.items.find((item) => item.kind === 'benefit' && item.status === 'scheduled');
      },
      { timeoutMs: context.patienceMs },
    );
    checks.equal(`${expectation.label} payout amount`, payout.amount, expectation.amount);
    return { expectation, payout };
  });

  const first = await instruct(
    context,
    scheduled.map((entry) => entry.payout.payoutId),
  );
  checks.equal(
    'first bank batch total',
    first.total,
    scheduled.reduce((sum, entry) => sum + entry.expectation.amount, 0),
  );
  log(`  batch ${first.fileName}: ${first.payouts.length} payouts, Rp${rupiah(first.total)}`);

  const failed: Scheduled[] = [];
  for (const entry of scheduled) {
    const fails = entry.expectation.fails;
    await report(context, entry.payout.payoutId, first.batchId, entry.expectation.amount, 1, fails);
    if (fails) {
      failed.push(entry);
      state.payoutTally.failed += 1;
      state.payoutTally.failedAmount += entry.expectation.amount;
    }
  }
  log(
    `  bank: ${scheduled.length - failed.length} settled, ${failed.length} failed (ACCOUNT_CLOSED)`,
  );

  if (failed.length > 0) {
    for (const entry of failed) {
      const corrected = {
        bankCode: 'BPDNTT',
        accountNumber: `7053${entry.payout.payoutId.replace(/\D/g, '').slice(0, 10).padEnd(10, '7')}`,
        accountName: entry.payout.bankAccount.accountName ?? 'ahli waris',
      };
      const requested = await http.call<{ requestId: string; status: string }>(
        'payouts',
        USERS.finance,
        'POST',
        `/payouts/${entry.payout.payoutId}/reissue-requests`,
        {
          body: {
            bankAccount: corrected,
            reason:
              'Rekening lama ditutup; buku tabungan Bank NTT yang baru diterima dari ahli waris.',
          },
          expect: [201],
        },
      );
      const approved = await http.call<{ status: string }>(
        'payouts',
        USERS.financeChecker,
        'POST',
        `/payouts/${entry.payout.payoutId}/reissue-requests/${requested.requestId}/approval`,
        { expect: [200] },
      );
      checks.equal(`${entry.expectation.label} reissued payout`, approved.status, 'scheduled');
    }
    const second = await instruct(
      context,
      failed.map((entry) => entry.payout.payoutId),
    );
    log(
      `  batch ${second.fileName}: ${second.payouts.length} reissued payouts, Rp${rupiah(second.total)}`,
    );
    for (const entry of failed) {
      await report(
        context,
        entry.payout.payoutId,
        second.batchId,
        entry.expectation.amount,
        2,
        false,
      );
      state.payoutTally.reissued += 1;
      state.payoutTally.reissuedAmount += entry.expectation.amount;
    }
  }

  // Every payout ends settled: at the corrected account for the reissued ones.
  for (const entry of scheduled) {
    const detail = await http.call<{ payout: PayoutView }>(
      'payouts',
      USERS.finance,
      'GET',
      `/payouts/${entry.payout.payoutId}`,
    );
    checks.equal(`${entry.expectation.label} payout status`, detail.payout.status, 'settled');
    checks.equal(
      `${entry.expectation.label} payout attempt`,
      detail.payout.attempt,
      entry.expectation.fails ? 2 : 1,
    );
    if (detail.payout.status === 'settled') {
      state.payoutTally.settled += 1;
      state.payoutTally.settledAmount += detail.payout.amount;
    }
  }
  log(
    `  ${state.payoutTally.settled} payouts settled, Rp${rupiah(state.payoutTally.settledAmount)} ` +
      `on ${plan.today}`,
  );
}

/**
 * Finance prepares a batch, hands its file to the bank and marks it instructed with the bank's
 * upload reference (ADR 0035): only then does the bank's report for it count.
 */
async function instruct(context: ScenarioContext, payoutIds: string[]): Promise<BatchAnswer> {
  context.state.payoutTally.batches += 1;
  const batch = await context.http.call<BatchAnswer>(
    'payouts',
    USERS.finance,
    'POST',
    '/payout-batches',
    { body: { payoutIds }, expect: [200, 201] },
  );
  await context.http.call(
    'payouts',
    USERS.finance,
    'POST',
    `/payout-batches/${batch.batchId}/instructed`,
    { body: { bankReference: `BANK-UPLOAD-${batch.batchId.slice(0, 8)}` }, expect: [200] },
  );
  return batch;
}

async function report(
  context: ScenarioContext,
  payoutId: string,
  batchId: string,
  amount: number,
  attempt: number,
  fails: boolean,
): Promise<void> {
  const { today } = context.plan;
  const tag = `${today.replaceAll('-', '')}-${payoutId.slice(0, 8)}-${attempt}`;
  await context.http.call('payouts', USERS.finance, 'POST', '/payout-settlements', {
    body: {
      schemaVersion: 1,
      reportId: `BANK-STMT-${tag}`,
      payoutId,
      batchId,
      outcome: fails ? 'failed' : 'settled',
      bankReference: `BANK-TRX-${tag}`,
      amount,
      valueDate: today,
      reasonCode: fails ? 'ACCOUNT_CLOSED' : null,
      reason: fails ? 'Rekening penerima sudah ditutup' : null,
      reportedAt: new Date().toISOString(),
    },
    expect: [200],
  });
}
