import type { ContributionAccountEvent, CoverageExtension } from '@santunan/contracts';
import { addMonths } from '@santunan/domain-kernel';
import {
  accountHistory,
  accountSpec,
  accountStateOf,
  FLOOR_CONTRIBUTION,
  nttSponsoredAccountSteps,
} from '../__tests__/fixtures';
import type { RecordSponsoredContribution } from './contribution-account.commands';
import { coverageSummary } from './coverage';

const program = { kind: 'program', programId: 'ntt-2026' } as const;
const sponsored = accountHistory([...nttSponsoredAccountSteps('2025-12-15')]);

const share = (
  month: string,
  paidOn: string,
  paymentReference = `SP2D-${month}`,
): RecordSponsoredContribution => ({
  type: 'RecordSponsoredContribution',
  programId: 'ntt-2026',
  month,
  paymentReference,
  contribution: FLOOR_CONTRIBUTION,
  paidAt: `${paidOn}T10:00:00+08:00`,
  paidOn,
});
const close = (month: string, today: string) =>
  [today, { type: 'CloseContributionMonth', month }] as const;

const paid = (
  month: string,
  paidOn: string,
  withinGrace = true,
  coverageExtended: CoverageExtension | null = null,
): ContributionAccountEvent => ({
  type: 'ContributionPaid',
  data: {
    participantId: 'p-1',
    month,
    payer: program,
    jkk: 10_000,
    jkm: 6_800,
    amount: 16_800,
    paymentReference: `SP2D-${month}`,
    paidAt: `${paidOn}T10:00:00+08:00`,
    paidOn,
    graceLastMonth: addMonths(month, 3),
    withinGrace,
    coverageExtended,
  },
});

/** January paid on time. */
const january = accountHistory([['2026-01-14', share('2026-01', '2026-01-14')]], sponsored);

describe('sponsored months: the sponsor pays, late or not', () => {
  it('records a sponsor-paid month with the program as payer', () => {
    accountSpec('2026-01-14')
      .given(sponsored)
      .when(share('2026-01', '2026-01-14'))
      .then([
        paid('2026-01', '2026-01-14', true, {
          paidThrough: '2026-01',
          firstPaidMonth: '2026-01',
          masaIurMonths: 1,
        }),
      ]);
  });

  it('takes a redelivered share as a retry and refuses a second payment of the month', () => {
    const spec = accountSpec('2026-01-20');
    spec.given(january).when(share('2026-01', '2026-01-14')).thenNothingHappened();
    spec
      .given(january)
      .when(share('2026-01', '2026-01-20', 'SP2D-other'))
      .thenRejects({ code: 'MONTH_ALREADY_PAID', details: { paymentReference: 'SP2D-2026-01' } });
  });

  it.each<[string, RecordSponsoredContribution, string]>([
    [
      'another program',
      { ...share('2026-02', '2026-02-10'), programId: 'kupang-2026' },
      'NOT_SPONSORED_FOR_MONTH',
    ],
    ['a month outside the sponsorship', share('2027-01', '2026-02-10'), 'NOT_SPONSORED_FOR_MONTH'],
    [
      'another tariff',
      { ...share('2026-02', '2026-02-10'), contribution: { jkk: 5_000, jkm: 3_400, total: 8_400 } },
      'PAYMENT_AMOUNT_MISMATCH',
    ],
  ])('refuses a share for %s', (_label, command, code) => {
    accountSpec('2026-02-10').given(january).when(command).thenRejects(code);
  });

  it('restores a worker when the sponsor pays a late month within the grace', () => {
    const februaryUnpaid = accountHistory([close('2026-02', '2026-03-01')], january);
    expect(coverageSummary(accountStateOf(februaryUnpaid), '2026-03')).toMatchObject({
      standing: 'in-arrears',
      arrearsMonths: ['2026-02'],
    });
    accountSpec('2026-03-09')
      .given(februaryUnpaid)
      .when(share('2026-02', '2026-03-09'))
      .then([
        paid('2026-02', '2026-03-09', true, {
          paidThrough: '2026-02',
          firstPaidMonth: '2026-01',
          masaIurMonths: 2,
        }),
        {
          type: 'CoverageReinstated',
          data: {
            participantId: 'p-1',
            from: 'in-arrears',
            paidBy: program,
            paymentReference: 'SP2D-2026-02',
            paidThrough: '2026-02',
          },
        },
      ]);
  });

  it('lapses a worker the sponsor left unpaid four months, and reinstates him when it pays the arrears', () => {
    const lapsed = accountHistory([close('2026-05', '2026-06-01')], january);
    const lapse = lapsed[lapsed.length - 1];
    expect(lapse).toEqual({
      type: 'CoverageLapsed',
      data: {
        participantId: 'p-1',
        unpaidMonths: ['2026-02', '2026-03', '2026-04', '2026-05'],
        cause: 'sponsor-arrears',
        payer: program,
        reinstatable: true,
      },
    });
    // The sponsor stays in arrears for June: still the same lapse, not a second one.
    const june = accountHistory([close('2026-06', '2026-07-01')], lapsed);
    expect(june.slice(lapsed.length).map((event) => event.type)).toEqual([
      'ContributionArrearsRecorded',
      'ContributionGraceExpired',
    ]);
    // February's grace ended with May: paying it in June reinstates but never covers February.
    const partly = accountHistory(
      [
        ['2026-06-10', share('2026-02', '2026-06-10')],
        ['2026-06-10', share('2026-03', '2026-06-10')],
        ['2026-06-10', share('2026-04', '2026-06-10')],
      ],
      lapsed,
    );
    expect(coverageSummary(accountStateOf(partly), '2026-06')).toMatchObject({
      standing: 'lapsed',
      paidThrough: '2026-04',
    });
    expect(
      partly
        .filter((event) => event.type === 'ContributionPaid')
        .map(
          (event) =>
            event.type === 'ContributionPaid' && [event.data.month, event.data.withinGrace],
        ),
    ).toEqual([
      ['2026-01', true],
      ['2026-02', false],
      ['2026-03', true],
      ['2026-04', true],
    ]);
    accountSpec('2026-06-10')
      .given(partly)
      .when(share('2026-05', '2026-06-10'))
      .then([
        paid('2026-05', '2026-06-10', true, {
          paidThrough: '2026-05',
          firstPaidMonth: '2026-01',
          masaIurMonths: 5,
        }),
        {
          type: 'CoverageReinstated',
          data: {
            participantId: 'p-1',
            from: 'lapsed',
            paidBy: program,
            paymentReference: 'SP2D-2026-05',
            paidThrough: '2026-05',
          },
        },
      ]);
  });

  it('skips a month whose grace ran out unpaid when saying how far the coverage is paid', () => {
    // The sponsor never paid February but paid March on time.
    const gap = accountHistory(
      [
        ['2026-03-10', share('2026-03', '2026-03-10')],
        close('2026-05', '2026-06-01'),
        ['2026-06-10', share('2026-04', '2026-06-10')],
        ['2026-06-10', share('2026-05', '2026-06-10')],
      ],
      january,
    );
    const events = gap.slice(january.length).map((event) => event.type);
    expect(events).toContain('ContributionGraceExpired');
    expect(events).not.toContain('CoverageLapsed');
    expect(coverageSummary(accountStateOf(gap), '2026-06')).toMatchObject({
      standing: 'active',
      paidThrough: '2026-05',
      masaIurMonths: 4,
      arrearsMonths: [],
    });
  });
});
