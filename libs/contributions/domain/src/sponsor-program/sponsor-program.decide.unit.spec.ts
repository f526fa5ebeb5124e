import type { SponsorProgramEvent } from '@santunan/contracts';
import {
  FLOOR_CONTRIBUTION,
  NTT_PROGRAM,
  programContext,
  programHistory,
  programSpec,
  programStateOf,
} from '../__tests__/fixtures';
import type { OpenSponsorProgram, ReceiveSponsorPayment } from './sponsor-program.commands';
import { decideSponsorProgram } from './sponsor-program.decide';
import { ALLOCATION_BATCH_SIZE } from './sponsor-payment.decide';
import { duesOfMonth } from './sponsor-program.dues';
import { programReports } from './sponsor-program.report';

const DECEMBER = '2025-12-10';
const spec = programSpec(DECEMBER);

const nttOpened: SponsorProgramEvent = {
  type: 'SponsorProgramOpened',
  data: {
    programId: 'ntt-2026',
    name: NTT_PROGRAM.name,
    sponsorType: 'province',
    payerType: 'apbd',
    pksNumber: NTT_PROGRAM.pksNumber,
    budget: 10_080_000_000,
    firstMonth: '2026-01',
    lastMonth: '2026-12',
    months: 12,
    declaredIncome: 1_000_000,
    contribution: FLOOR_CONTRIBUTION,
    ruleSetIds: ['PP50-2025'],
    quota: 50_000,
  },
};

/** A program that buys exactly two workers for 2026. */
const small: OpenSponsorProgram = {
  ...NTT_PROGRAM,
  programId: 'desa-oebelo-2026',
  name: 'Bantuan iuran Desa Oebelo',
  sponsorType: 'village',
  budget: 2 * 201_600,
};

const enrol = (participantId: string, fromMonth = '2026-01') =>
  ({ type: 'EnrolParticipant', participantId, fromMonth }) as const;

const pay = (
  month: string,
  amount: number,
  paymentReference: string,
  paidOn = '2026-01-14',
): ReceiveSponsorPayment => ({
  type: 'ReceiveSponsorPayment',
  month,
  amount,
  paymentReference,
  paidAt: `${paidOn}T10:00:00+07:00`,
  paidOn,
});

describe('sponsor program: opening', () => {
  it('opens the NTT program: APBD tariff Rp16,800 at the floor, no PP 50/2025 discount, quota 50,000', () => {
    spec.given([]).when(NTT_PROGRAM).then([nttOpened]);
  });

  it.each<[OpenSponsorProgram['sponsorType'], string]>([
    ['province', 'apbd'],
    ['regency', 'apbd'],
    ['village', 'apbd'],
    ['csr', 'other-sponsor'],
  ])('a %s sponsor pays as %s, at the undiscounted tariff', (sponsorType, payerType) => {
    const decision = decideSponsorProgram(
      { ...NTT_PROGRAM, sponsorType },
      programStateOf([]),
      programContext(DECEMBER),
    );
    expect(decision).toMatchObject({
      ok: true,
      events: [{ data: { payerType, contribution: FLOOR_CONTRIBUTION } }],
    });
  });

  it('assesses the tariff at a declared income above the floor, and the quota with it', () => {
    const decision = decideSponsorProgram(
      { ...NTT_PROGRAM, declaredIncome: 2_000_000 },
      programStateOf([]),
      programContext(DECEMBER),
    );
    // 1% × 2,000,000 + 6,800 = 26,800; 10,080,000,000 ÷ (26,800 × 12) = 31,343 workers.
    expect(decision).toMatchObject({
      ok: true,
      events: [
        { data: { contribution: { jkk: 20_000, jkm: 6_800, total: 26_800 }, quota: 31_343 } },
      ],
    });
  });

  it('treats the same opening again as a retry and other terms as a conflict', () => {
    spec.given([nttOpened]).when(NTT_PROGRAM).thenNothingHappened();
    spec
      .given([nttOpened])
      .when({ ...NTT_PROGRAM, budget: 1 })
      .thenRejects('PROGRAM_ALREADY_OPENED');
  });

  it.each<[string, Partial<OpenSponsorProgram>, string]>([
    ['no name', { name: ' ' }, 'PROGRAM_INVALID'],
    ['no PKS number', { pksNumber: '' }, 'PROGRAM_INVALID'],
    ['fractional budget', { budget: 1_000.5 }, 'PROGRAM_INVALID'],
    ['zero budget', { budget: 0 }, 'PROGRAM_INVALID'],
    ['months out of order', { firstMonth: '2026-12', lastMonth: '2026-01' }, 'PROGRAM_INVALID'],
    ['a bad month', { lastMonth: '2026-13' }, 'PROGRAM_INVALID'],
    ['coverage already over', { firstMonth: '2025-01', lastMonth: '2025-11' }, 'PROGRAM_INVALID'],
    ['a budget short of one worker', { budget: 201_599 }, 'PROGRAM_BUDGET_TOO_SMALL'],
    ['months before any rule set', { firstMonth: '2015-01' }, 'TARIFF_UNAVAILABLE'],
  ])('refuses an opening with %s', (_label, change, code) => {
    spec
      .given([])
      .when({ ...NTT_PROGRAM, ...change })
      .thenRejects(code);
  });
});

describe('sponsor program: enrolment commits budget', () => {
  it('commits tariff × the months from the start month, numbering enrolments in order', () => {
    spec
      .given([nttOpened])
      .when(enrol('p-1'))
      .then([
        {
          type: 'ParticipantSponsored',
          data: {
            programId: 'ntt-2026',
            participantId: 'p-1',
            enrolmentNumber: 1,
            fromMonth: '2026-01',
            toMonth: '2026-12',
            months: 12,
            payerType: 'apbd',
            contribution: FLOOR_CONTRIBUTION,
            commitment: 201_600,
          },
        },
      ]);
  });

  it('commits only the remaining months for a worker joining in July', () => {
    programSpec('2026-07-01')
      .given(programHistory([[DECEMBER, enrol('p-1')]], [nttOpened]))
      .when(enrol('p-2', '2026-07'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ enrolmentNumber: 2, months: 6, commitment: 100_800 }),
        }) as SponsorProgramEvent,
      ]);
  });

  it('ignores the same enrolment again and refuses another start for the same worker', () => {
    const history = programHistory([[DECEMBER, enrol('p-1')]], [nttOpened]);
    spec.given(history).when(enrol('p-1')).thenNothingHappened();
    spec.given(history).when(enrol('p-1', '2026-02')).thenRejects('PARTICIPANT_ALREADY_ENROLLED');
  });

  it('refuses enrolment past the quota with the quota in the reason', () => {
    const full = programHistory([
      [DECEMBER, small],
      [DECEMBER, enrol('p-1')],
      [DECEMBER, enrol('p-2')],
    ]);
    spec
      .given(full)
      .when(enrol('p-3'))
      .thenRejects({
        code: 'PROGRAM_QUOTA_EXHAUSTED',
        details: { quota: 2, enrolled: 2 },
      });
  });

  it('refuses enrolment past the remaining budget even under the quota', () => {
    // p-1 died in January: one seat free, but only 11 released months (184,800) for 12 months.
    const history = programHistory([
      [DECEMBER, small],
      [DECEMBER, enrol('p-1')],
      [DECEMBER, enrol('p-2')],
      [
        '2026-01-20',
        {
          type: 'EndSponsorship',
          participantId: 'p-1',
          lastMonth: '2026-01',
          reason: 'participant-deceased',
        },
      ],
    ]);
    programSpec('2026-01-20')
      .given(history)
      .when(enrol('p-3'))
      .thenRejects({
        code: 'PROGRAM_QUOTA_EXHAUSTED',
        details: { quota: 2, enrolled: 1, remainingBudget: 184_800, commitment: 201_600 },
      });
    programSpec('2026-02-01')
      .given(history)
      .when(enrol('p-3', '2026-02'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({ commitment: 184_800 }),
        }) as SponsorProgramEvent,
      ]);
  });

  it.each<[string, string, string, string]>([
    ['before the coverage', DECEMBER, '2025-12', 'ENROLMENT_OUTSIDE_COVERAGE'],
    ['after the coverage', DECEMBER, '2027-01', 'ENROLMENT_OUTSIDE_COVERAGE'],
    ['in a month already gone', '2026-03-02', '2026-02', 'ENROLMENT_START_IN_THE_PAST'],
  ])('refuses a start %s', (_label, today, fromMonth, code) => {
    programSpec(today).given([nttOpened]).when(enrol('p-1', fromMonth)).thenRejects(code);
  });

  it('refuses an unknown or closed program', () => {
    spec.given([]).when(enrol('p-1')).thenRejects('PROGRAM_NOT_FOUND');
    const closed = programHistory(
      [[DECEMBER, { type: 'CloseSponsorProgram', reason: 'PKS ended' }]],
      [nttOpened],
    );
    spec.given(closed).when(enrol('p-1')).thenRejects('PROGRAM_CLOSED');
  });

  it('gives back the months after a death, once', () => {
    const history = programHistory([[DECEMBER, enrol('p-1')]], [nttOpened]);
    const end = {
      type: 'EndSponsorship',
      participantId: 'p-1',
      lastMonth: '2026-03',
      reason: 'participant-deceased',
    } as const;
    spec
      .given(history)
      .when(end)
      .then([
        {
          type: 'ParticipantSponsorshipEnded',
          data: {
            programId: 'ntt-2026',
            participantId: 'p-1',
            lastMonth: '2026-03',
            releasedCommitment: 9 * 16_800,
            reason: 'participant-deceased',
          },
        },
      ]);
    spec
      .given(programHistory([[DECEMBER, end]], history))
      .when(end)
      .thenNothingHappened();
    spec
      .given(history)
      .when({ ...end, participantId: 'p-9' })
      .thenRejects('PARTICIPANT_NOT_ENROLLED');
    spec
      .given(history)
      .when({ ...end, lastMonth: '2026-12' })
      .thenNothingHappened();
  });

  it('gives back the whole commitment when the worker died before the sponsorship began', () => {
    const history = programHistory([[DECEMBER, enrol('p-1', '2026-01')]], [nttOpened]);
    const state = programStateOf(
      programHistory(
        [
          [
            DECEMBER,
            {
              type: 'EndSponsorship',
              participantId: 'p-1',
              lastMonth: '2025-12',
              reason: 'participant-deceased',
            },
          ],
        ],
        history,
      ),
    );
    expect(state).toMatchObject({ committed: 0, activeEnrolments: 0 });
    if (state.status === 'not-opened') throw new Error('program expected');
    expect(duesOfMonth(state, '2026-01')).toEqual([]);
  });
});

describe('sponsor program: monthly statement', () => {
  const history = programHistory(
    [
      [DECEMBER, enrol('p-1')],
      [DECEMBER, enrol('p-2')],
      ['2026-07-01', enrol('p-3', '2026-07')],
    ],
    [nttOpened],
  );

  it.each<[string, number, string, string]>([
    ['2026-01', 2, '2026-01-15', '2026-01-15'],
    // 15 August 2026 is a Saturday and the 17th Independence Day: due Tuesday the 18th.
    ['2026-08', 3, '2026-08-15', '2026-08-18'],
  ])('lists %s with %p dues, due %s → %s', (month, dues, nominalDueDate, dueDate) => {
    programSpec('2026-07-20')
      .given(history)
      .when({ type: 'IssueSponsorStatement', month })
      .then([
        {
          type: 'SponsorStatementIssued',
          data: {
            programId: 'ntt-2026',
            month,
            nominalDueDate,
            dueDate,
            dues,
            jkk: dues * 10_000,
            jkm: dues * 6_800,
            total: dues * 16_800,
          },
        },
      ]);
  });

  it('issues a month once, never ahead of time, never outside the coverage', () => {
    const issued = programHistory(
      [['2026-07-20', { type: 'IssueSponsorStatement', month: '2026-08' }]],
      history,
    );
    programSpec('2026-07-20')
      .given(issued)
      .when({ type: 'IssueSponsorStatement', month: '2026-08' })
      .thenNothingHappened();
    programSpec('2026-07-20')
      .given(history)
      .when({ type: 'IssueSponsorStatement', month: '2026-09' })
      .thenRejects('STATEMENT_TOO_EARLY');
    programSpec('2026-07-20')
      .given(history)
      .when({ type: 'IssueSponsorStatement', month: '2027-01' })
      .thenRejects('MONTH_OUTSIDE_COVERAGE');
  });
});

describe('sponsor payments: allocation in enrolment order', () => {
  // Enrolled c, a, b: allocation follows enrolment numbers, not ids.
  const history = programHistory(
    [
      [DECEMBER, enrol('p-c')],
      [DECEMBER, enrol('p-a')],
      [DECEMBER, enrol('p-b')],
    ],
    [nttOpened],
  );
  const jan = (amount: number, reference: string) => pay('2026-01', amount, reference);
  const allocated = (participantIds: string[], reference: string): SponsorProgramEvent => ({
    type: 'SponsorPaymentAllocated',
    data: {
      programId: 'ntt-2026',
      month: '2026-01',
      paymentReference: reference,
      paidAt: '2026-01-14T10:00:00+07:00',
      paidOn: '2026-01-14',
      contribution: FLOOR_CONTRIBUTION,
      participantIds,
      amount: participantIds.length * 16_800,
      batch: 1,
      batches: 1,
    },
  });

  it('pays every due of the month when the payment covers them', () => {
    programSpec('2026-01-14')
      .given(history)
      .when(jan(50_400, 'BANK-NTT-0001'))
      .then([
        {
          type: 'SponsorPaymentReceived',
          data: {
            programId: 'ntt-2026',
            month: '2026-01',
            paymentReference: 'BANK-NTT-0001',
            amount: 50_400,
            paidAt: '2026-01-14T10:00:00+07:00',
            paidOn: '2026-01-14',
            allocatedDues: 3,
            allocatedAmount: 50_400,
            paidThroughEnrolment: 3,
            heldForMonth: 0,
            outstandingForMonth: 0,
          },
        },
        allocated(['p-c', 'p-a', 'p-b'], 'BANK-NTT-0001'),
      ]);
  });

  it('pays whole dues in enrolment order and holds the remainder for the next payment', () => {
    // 40,000 = two dues (33,600) + 6,400 held.
    const partial = programHistory([['2026-01-14', jan(40_000, 'BANK-NTT-0001')]], history);
    expect(partial.slice(-2)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          allocatedDues: 2,
          paidThroughEnrolment: 2,
          heldForMonth: 6_400,
          outstandingForMonth: 10_400,
        }),
      }),
      allocated(['p-c', 'p-a'], 'BANK-NTT-0001'),
    ]);
    // The held 6,400 plus 10,400 pays p-b.
    programSpec('2026-01-14')
      .given(partial)
      .when(jan(10_400, 'BANK-NTT-0002'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            allocatedDues: 1,
            allocatedAmount: 16_800,
            paidThroughEnrolment: 3,
            heldForMonth: 0,
            outstandingForMonth: 0,
          }),
        }) as SponsorProgramEvent,
        allocated(['p-b'], 'BANK-NTT-0002'),
      ]);
    // A payment short of one due pays nobody yet; the money waits.
    programSpec('2026-01-14')
      .given(history)
      .when(jan(16_799, 'BANK-NTT-0003'))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            allocatedDues: 0,
            paidThroughEnrolment: 0,
            heldForMonth: 16_799,
          }),
        }) as SponsorProgramEvent,
      ]);
  });

  it('refuses more than the month has outstanding', () => {
    programSpec('2026-01-14')
      .given(programHistory([['2026-01-14', jan(40_000, 'BANK-NTT-0001')]], history))
      .when(jan(10_401, 'BANK-NTT-0002'))
      .thenRejects({ code: 'PAYMENT_EXCEEDS_OUTSTANDING', details: { outstanding: 10_400 } });
  });

  it('treats the same reference again as the same payment, and a changed one as a conflict', () => {
    const paid = programHistory([['2026-01-14', jan(50_400, 'BANK-NTT-0001')]], history);
    programSpec('2026-01-14').given(paid).when(jan(50_400, 'BANK-NTT-0001')).thenNothingHappened();
    programSpec('2026-01-14')
      .given(paid)
      .when(jan(33_600, 'BANK-NTT-0001'))
      .thenRejects('PAYMENT_REFERENCE_CONFLICT');
    programSpec('2026-01-14')
      .given(paid)
      .when(pay('2026-02', 50_400, 'BANK-NTT-0001'))
      .thenRejects('PAYMENT_REFERENCE_CONFLICT');
  });

  it.each<[string, ReceiveSponsorPayment, string]>([
    ['a zero amount', pay('2026-01', 0, 'R-1'), 'PAYMENT_AMOUNT_INVALID'],
    ['a fractional amount', pay('2026-01', 100.5, 'R-1'), 'PAYMENT_AMOUNT_INVALID'],
    ['no reference', pay('2026-01', 16_800, ' '), 'PAYMENT_INVALID'],
    [
      'a paid-on date in the future',
      pay('2026-01', 16_800, 'R-1', '2026-01-15'),
      'PAYMENT_INVALID',
    ],
    ['a month outside the coverage', pay('2027-01', 16_800, 'R-1'), 'MONTH_OUTSIDE_COVERAGE'],
  ])('refuses %s', (_label, command, code) => {
    programSpec('2026-01-14').given(history).when(command).thenRejects(code);
  });

  it('leaves out a participant whose sponsorship ended before the month', () => {
    const ended = programHistory(
      [
        [
          '2026-01-20',
          {
            type: 'EndSponsorship',
            participantId: 'p-a',
            lastMonth: '2026-01',
            reason: 'participant-deceased',
          },
        ],
      ],
      history,
    );
    const state = programStateOf(ended);
    if (state.status === 'not-opened') throw new Error('program expected');
    expect(duesOfMonth(state, '2026-01').map((due) => due.participantId)).toEqual([
      'p-c',
      'p-a',
      'p-b',
    ]);
    expect(duesOfMonth(state, '2026-02').map((due) => due.participantId)).toEqual(['p-c', 'p-b']);
    programSpec('2026-02-10')
      .given(ended)
      .when(pay('2026-02', 50_400, 'R-FEB', '2026-02-10'))
      .thenRejects({ code: 'PAYMENT_EXCEEDS_OUTSTANDING', details: { outstanding: 33_600 } });
  });

  it(`splits the paid participants into events of ${ALLOCATION_BATCH_SIZE}`, () => {
    const many = programHistory(
      Array.from({ length: 2_500 }, (_, index) => [DECEMBER, enrol(`w-${index + 1}`)] as const),
      [nttOpened],
    );
    const decision = decideSponsorProgram(
      pay('2026-01', 2_500 * 16_800, 'R-BIG'),
      programStateOf(many),
      programContext('2026-01-14'),
    );
    if (!decision.ok) throw new Error(decision.rejection.message);
    const batches = decision.events.flatMap((event) =>
      event.type === 'SponsorPaymentAllocated' ? [event.data] : [],
    );
    expect(
      batches.map((batch) => [
        batch.batch,
        batch.batches,
        batch.participantIds.length,
        batch.amount,
      ]),
    ).toEqual([
      [1, 3, 1_000, 16_800_000],
      [2, 3, 1_000, 16_800_000],
      [3, 3, 500, 8_400_000],
    ]);
    expect(batches.flatMap((batch) => batch.participantIds)).toEqual(
      Array.from({ length: 2_500 }, (_, index) => `w-${index + 1}`),
    );
  });
});

describe('program report', () => {
  it('shows quota, enrolled, committed, billed, paid, held, refunded and remaining budget', () => {
    const events = programHistory([
      [DECEMBER, small],
      [DECEMBER, enrol('p-1')],
      [DECEMBER, enrol('p-2')],
      ['2026-01-02', { type: 'IssueSponsorStatement', month: '2026-01' }],
      ['2026-01-14', pay('2026-01', 20_000, 'R-1')],
      [
        '2026-03-05',
        {
          type: 'EndSponsorship',
          participantId: 'p-2',
          lastMonth: '2026-03',
          reason: 'participant-deceased',
        },
      ],
    ]);
    const report = programReports([
      ...events,
      {
        type: 'RefundDue',
        data: {
          participantId: 'p-2',
          payer: { kind: 'program', programId: 'desa-oebelo-2026' },
          months: ['2026-04'],
          amount: 16_800,
          lines: [{ month: '2026-04', paymentReference: 'R-APR', amount: 16_800 }],
          reason: 'months-after-death',
        },
      },
    ]).get('desa-oebelo-2026');
    expect(report).toMatchObject({
      quota: 2,
      enrolled: 1,
      sponsorshipsEnded: 1,
      committed: 403_200 - 9 * 16_800,
      uncommittedBudget: 9 * 16_800,
      billed: 33_600,
      received: 20_000,
      paid: 16_800,
      held: 3_200,
      refunded: 16_800,
      refundedByMonth: { '2026-04': 16_800 },
      remainingBudget: 403_200 - 20_000 + 16_800,
    });
  });
});
