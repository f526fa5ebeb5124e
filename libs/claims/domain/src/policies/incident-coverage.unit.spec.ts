import { coverage, monthsPaid, NTT, SELF } from '../__tests__/fixtures';
import type { CoverageFacts } from '../facts/claim-facts';
import {
  incidentMonthCoverage,
  monthsPaidAtIncident,
  sponsorGraceEndsOn,
} from './incident-coverage';

const ask = (
  facts: CoverageFacts,
  incidentDate: string,
  today = '2026-06-30',
  segment: 'bpu' | 'pu' = 'bpu',
) => incidentMonthCoverage({ coverage: facts, segment, incidentDate, today, graceMonths: 3 });

const sponsored = (paidOn?: string): CoverageFacts =>
  coverage({
    sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: '2026-12' }],
    paidMonths: [
      ...monthsPaid('2026-01', '2026-02', NTT),
      ...(paidOn === undefined ? [] : monthsPaid('2026-03', '2026-03', NTT, () => paidOn)),
    ],
  });

describe('coverage on the incident date (product decision 1)', () => {
  it.each<[string, CoverageFacts, string, string, string]>([
    [
      'self-paying month paid before the incident',
      coverage({ paidMonths: monthsPaid('2026-03', '2026-03', SELF, () => '2026-03-02') }),
      '2026-03-15',
      '2026-06-30',
      'paid-by-incident',
    ],
    [
      'self-paying month paid on the incident day',
      coverage({ paidMonths: monthsPaid('2026-03', '2026-03', SELF, () => '2026-03-15') }),
      '2026-03-15',
      '2026-06-30',
      'paid-by-incident',
    ],
    [
      'self-paying month paid the day after the incident',
      coverage({ paidMonths: monthsPaid('2026-03', '2026-03', SELF, () => '2026-03-16') }),
      '2026-03-15',
      '2026-06-30',
      'paid-after-incident',
    ],
    [
      'self-paying month never paid',
      coverage({ paidMonths: [] }),
      '2026-03-15',
      '2026-06-30',
      'not-paid',
    ],
    [
      'month paid ahead, months before the incident',
      coverage({ paidMonths: monthsPaid('2026-03', '2026-03', SELF, () => '2025-12-20') }),
      '2026-03-15',
      '2026-06-30',
      'paid-by-incident',
    ],
    [
      'sponsored month paid by the sponsor within the grace',
      sponsored('2026-06-30'),
      '2026-03-15',
      '2026-07-10',
      'sponsor-paid-in-grace',
    ],
    [
      'sponsored month paid after the grace',
      sponsored('2026-07-01'),
      '2026-03-15',
      '2026-07-10',
      'sponsor-not-paid-in-grace',
    ],
    [
      'sponsored month not yet paid, grace running',
      sponsored(),
      '2026-03-15',
      '2026-06-30',
      'sponsor-payment-pending',
    ],
    [
      'sponsored month not paid, grace over',
      sponsored(),
      '2026-03-15',
      '2026-07-01',
      'sponsor-not-paid-in-grace',
    ],
    [
      'month outside the sponsorship and unpaid',
      sponsored(),
      '2025-12-15',
      '2026-06-30',
      'not-paid',
    ],
  ])('%s', (_label, facts, incidentDate, today, kind) => {
    expect(ask(facts, incidentDate, today).kind).toBe(kind);
  });

  it('PU: the employer owes the month, so a payment at any time covers', () => {
    const facts = coverage({
      paidMonths: monthsPaid('2026-03', '2026-03', SELF, () => '2026-04-15'),
    });
    expect(ask(facts, '2026-03-15', '2026-06-30', 'pu').kind).toBe('paid-by-employer');
  });

  it('gives the sponsor to the end of the third month after the incident month', () => {
    expect(sponsorGraceEndsOn('2026-03', 3)).toBe('2026-06-30');
    expect(sponsorGraceEndsOn('2026-11', 3)).toBe('2027-02-28');
  });

  it('counts as masa iur only months paid in time for the incident, up to its month', () => {
    const facts = coverage({
      sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-02', toMonth: null }],
      paidMonths: [
        ...monthsPaid('2026-01', '2026-01', SELF),
        // Sponsored February paid late but within its grace, after the incident: counts.
        ...monthsPaid('2026-02', '2026-02', NTT, () => '2026-04-20'),
        // Self-paid arrears for a month outside the sponsorship, paid after the incident: no.
        ...monthsPaid('2025-12', '2025-12', SELF, () => '2026-03-20'),
        // A month after the incident month never counts.
        ...monthsPaid('2026-04', '2026-04', NTT),
        // The same month paid twice counts once.
        ...monthsPaid('2026-01', '2026-01', SELF, () => '2026-01-11'),
      ],
    });
    expect(
      monthsPaidAtIncident({
        coverage: facts,
        segment: 'bpu',
        incidentDate: '2026-03-15',
        graceMonths: 3,
      }),
    ).toEqual(['2026-01', '2026-02']);
  });
});
