import {
  maskedAccount,
  payoutFiltersOf,
  payoutQueryOf,
  payoutsHref,
  reconciliationDateOf,
} from './payout-filters';
import { settlementEntriesOf } from './settlement-file';

describe('the payout list’s filters → the payouts API query', () => {
  it('keeps what it understands and drops the rest', () => {
    const filters = payoutFiltersOf({
      status: 'failed',
      benefit: 'jkm-death',
      regencyCode: '5371',
      dueFrom: '2026-03-01',
      dueTo: '2026-02-30',
      reissuePending: '1',
      page: '3',
    });
    expect(filters).toEqual({
      status: 'failed',
      benefit: 'jkm-death',
      regencyCode: '5371',
      dueFrom: '2026-03-01',
      dueTo: null,
      reissuePending: true,
      page: 3,
    });
    expect(payoutQueryOf(filters)).toEqual({
      status: 'failed',
      benefitType: 'jkm-death',
      regencyCode: '5371',
      dueFrom: '2026-03-01',
      reissuePending: true,
      limit: 25,
      offset: 50,
    });
    expect(
      payoutFiltersOf({ status: 'paid', benefit: 'jkn', regencyCode: '53', page: '-1' }),
    ).toEqual({
      status: null,
      benefit: null,
      regencyCode: null,
      dueFrom: null,
      dueTo: null,
      reissuePending: false,
      page: 1,
    });
  });

  it('asks for the scholarship program, not a benefit type', () => {
    expect(payoutQueryOf(payoutFiltersOf({ benefit: 'scholarship' }))).toEqual({
      program: 'scholarship',
      limit: 25,
      offset: 0,
    });
  });

  it('links to itself with the filters kept and one changed', () => {
    const filters = payoutFiltersOf({ status: 'failed', regencyCode: '5371', page: '2' });
    expect(payoutsHref(filters)).toBe('/finance/payouts?status=failed&regencyCode=5371&page=2');
    expect(payoutsHref(filters, { page: 1, status: null })).toBe(
      '/finance/payouts?regencyCode=5371',
    );
    expect(payoutsHref(payoutFiltersOf({}))).toBe('/finance/payouts');
  });

  it('shows only an account’s last four digits', () => {
    expect(maskedAccount('7700998877')).toBe('******8877');
    expect(maskedAccount('123')).toBe('****');
    expect(maskedAccount(null)).toBeNull();
  });

  it('reconciles the day asked for, else today in Jakarta', () => {
    expect(reconciliationDateOf('2026-03-20')).toBe('2026-03-20');
    // 18:00 UTC is already the next day in Jakarta (UTC+7).
    expect(reconciliationDateOf('yesterday', new Date('2026-03-20T18:00:00Z'))).toBe('2026-03-21');
  });
});

describe('the bank’s settlement file → one report per entry', () => {
  const report = { schemaVersion: 1, reportId: 'r-1', payoutId: 'p-1' };

  it('reads one object, an array, or JSON Lines', () => {
    expect(settlementEntriesOf(JSON.stringify(report))).toEqual({
      ok: true,
      entries: [{ entry: 1, ok: true, report }],
    });
    expect(settlementEntriesOf(`\uFEFF${JSON.stringify([report, report])}`)).toMatchObject({
      ok: true,
      entries: [{ entry: 1 }, { entry: 2 }],
    });
    const lines = `${JSON.stringify(report)}\r\n\r\nnot json\n[1]\n${JSON.stringify(report)}\n`;
    expect(settlementEntriesOf(lines)).toEqual({
      ok: true,
      entries: [
        { entry: 1, ok: true, report },
        { entry: 2, ok: false, error: 'notJson' },
        { entry: 3, ok: false, error: 'notObject' },
        { entry: 4, ok: true, report },
      ],
    });
  });

  it('refuses an empty file, a file that is no JSON at all, and too many reports', () => {
    expect(settlementEntriesOf('  \n')).toEqual({ ok: false, problem: 'empty' });
    expect(settlementEntriesOf('payout_id,outcome\nx,failed')).toEqual({
      ok: false,
      problem: 'notJson',
    });
    expect(settlementEntriesOf('[1,')).toEqual({ ok: false, problem: 'notJson' });
    expect(settlementEntriesOf(JSON.stringify(new Array(2001).fill(report)))).toEqual({
      ok: false,
      problem: 'tooMany',
    });
  });
});
