import {
  accountHistory,
  accountStateOf,
  nttSponsoredAccountSteps,
  openSelfPayingAccount,
} from '../__tests__/fixtures';
import { coverageSummary } from './coverage';

describe('coverage summary', () => {
  it('is null for an account never opened', () => {
    expect(coverageSummary(accountStateOf([]), '2026-01')).toBeNull();
  });

  it('waits for the first payment of a new self-paying participant', () => {
    const opened = accountHistory([['2026-01-01', openSelfPayingAccount('other')]]);
    expect(coverageSummary(accountStateOf(opened), '2026-01')).toEqual({
      participantId: 'p-1',
      standing: 'awaiting-first-payment',
      paidThrough: null,
      firstPaidMonth: null,
      masaIurMonths: 0,
      arrearsMonths: [],
      membership: { kind: 'self-paying' },
      dateOfDeath: null,
    });
  });

  it('names the sponsorship period in it, and no membership after it ends', () => {
    const sponsored = accountHistory(nttSponsoredAccountSteps('2026-01-01'));
    const state = accountStateOf(sponsored);
    expect(coverageSummary(state, '2026-06')?.membership).toEqual({
      kind: 'sponsored',
      programId: 'ntt-2026',
      fromMonth: '2026-01',
      toMonth: '2026-12',
    });
    expect(coverageSummary(state, '2027-01')?.membership).toEqual({ kind: 'none' });
  });
});
