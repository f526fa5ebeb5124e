import {
  claimDecider,
  claimSpec,
  confirmedReport,
  submitJkk,
  submitJkm,
  allDocuments,
} from '../__tests__/claims';
import { context, facts, PAYMENT_ACCOUNT } from '../__tests__/fixtures';
import { historyOf } from '../__tests__/history';
import type { ClaimEvent } from './claim.state';

const today = '2026-03-20';
const spec = claimSpec(context(today));
const stmb = submitJkk('2026-03-15', [{ kind: 'stmb', months: 2 }], { lodgedOn: '2026-03-16' });

describe('submitting a claim', () => {
  it('lodges a JKK claim (stage II) with its checklist', () => {
    spec
      .given([])
      .when(stmb)
      .then([
        {
          type: 'JkkClaimSubmitted',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            accidentReportId: 'r-1',
            incidentDate: '2026-03-15',
            trafficAccident: false,
            dateOfDeath: null,
            benefits: [{ kind: 'stmb', months: 2 }],
            benefitType: 'jkk-temporary-incapacity',
            paymentAccount: PAYMENT_ACCOUNT,
            claimant: { kind: 'participant' },
            submittedOn: '2026-03-16',
            submittedBy: 'officer-1',
            requiredDocuments: [
              'member-card',
              'ktp',
              'doctor-statement',
              'accident-chronology',
              'bank-book',
            ],
          },
        },
      ]);
  });

  it('lodges a JKM death claim', () => {
    spec
      .given([])
      .when(submitJkm('2026-03-10'))
      .then([
        {
          type: 'JkmClaimSubmitted',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            dateOfDeath: '2026-03-10',
            benefitType: 'jkm-death',
            claimant: { kind: 'heir', fullName: 'Maria Bria', relationship: 'spouse' },
            submittedOn: today,
            submittedBy: 'officer-1',
            requiredDocuments: [
              'member-card',
              'ktp',
              'death-certificate',
              'heir-certificate',
              'family-card',
              'heir-ktp',
              'marriage-book',
              'bank-book',
            ],
          },
        },
      ]);
  });

  it.each<
    [
      string,
      Parameters<typeof spec.given>[0][number] | null,
      ReturnType<typeof submitJkk> | ReturnType<typeof submitJkm>,
      string,
    ]
  >([
    [
      'a JKK incident date in the future',
      null,
      submitJkk('2026-03-21', [{ kind: 'stmb', months: 1 }]),
      'INCIDENT_DATE_IN_FUTURE',
    ],
    ['a JKM death in the future', null, submitJkm('2026-03-21'), 'INCIDENT_DATE_IN_FUTURE'],
    [
      'an accident found not to be a work accident',
      null,
      submitJkk('2026-03-15', [{ kind: 'stmb', months: 1 }], {
        accidentReport: confirmedReport('2026-03-15', { status: 'refuted' }),
      }),
      'NOT_A_WORK_ACCIDENT',
    ],
    [
      'a report of another participant',
      null,
      submitJkk('2026-03-15', [{ kind: 'stmb', months: 1 }], {
        accidentReport: confirmedReport('2026-03-15', { participantId: 'p-2' }),
      }),
      'ACCIDENT_REPORT_OF_ANOTHER_PARTICIPANT',
    ],
    ['no benefit', null, submitJkk('2026-03-15', []), 'NO_BENEFIT_CLAIMED'],
    [
      'death and CTT together',
      null,
      submitJkk('2026-03-15', [{ kind: 'death' }, { kind: 'total-permanent-disability' }]),
      'BENEFIT_LINES_INVALID',
    ],
    [
      'two STMB lines',
      null,
      submitJkk('2026-03-15', [
        { kind: 'stmb', months: 1 },
        { kind: 'stmb', months: 2 },
      ]),
      'BENEFIT_LINES_INVALID',
    ],
    [
      'a death line without a date of death',
      null,
      submitJkk('2026-03-15', [{ kind: 'death' }], { dateOfDeath: null }),
      'DEATH_DATE_INVALID',
    ],
    [
      'a death before the accident',
      null,
      submitJkk('2026-03-15', [{ kind: 'death' }], { dateOfDeath: '2026-03-14' }),
      'DEATH_DATE_INVALID',
    ],
    [
      'a death claimed by the participant',
      null,
      submitJkk('2026-03-15', [{ kind: 'death' }], { claimant: { kind: 'participant' } }),
      'CLAIMANT_INVALID',
    ],
    [
      'a claim lodged before the accident',
      null,
      submitJkk('2026-03-15', [{ kind: 'stmb', months: 1 }], { lodgedOn: '2026-03-14' }),
      'LODGED_DATE_INVALID',
    ],
  ])('refuses %s', (_label, _given, command, code) => {
    spec.given([]).when(command).thenRejects(code);
  });

  it('treats the same submission again as a retry, another as a conflict', () => {
    const submitted = historyOf(claimDecider(context(today)), [stmb]);
    spec.given(submitted).when(stmb).thenNothingHappened();
    spec.given(submitted).when(submitJkm('2026-03-10')).thenRejects('CLAIM_ALREADY_SUBMITTED');
  });
});

describe('documents against the checklist, and the SLA clock', () => {
  const submitted = historyOf(claimDecider(context(today)), [stmb]);
  const [memberCard, ktp, doctor, chronology, bankBook] = allDocuments(submitted, '2026-03-18').map(
    (command, index) => ({
      ...command,
      receivedOn: `2026-03-1${6 + (index % 3)}`,
    }),
  );
  if (
    memberCard === undefined ||
    ktp === undefined ||
    doctor === undefined ||
    chronology === undefined ||
    bankBook === undefined
  ) {
    throw new Error('five documents expected');
  }
  const almost = historyOf(
    claimDecider(context(today)),
    [memberCard, ktp, doctor, chronology],
    submitted,
  );

  it('records a document received (a reference, not a file)', () => {
    spec
      .given(submitted)
      .when(memberCard)
      .then([
        {
          type: 'ClaimDocumentReceived',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            document: 'member-card',
            reference: 'dms/member-card',
            receivedOn: '2026-03-16',
            recordedBy: 'officer-1',
          },
        },
      ]);
  });

  it('starts the clock on the day the last required document arrived', () => {
    spec
      .given(almost)
      .when(bankBook)
      .then([
        expect.objectContaining({ type: 'ClaimDocumentReceived' }) as ClaimEvent,
        {
          type: 'ClaimDocumentsCompleted',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            completedOn: '2026-03-18',
            slaClock: 'started',
          },
        },
      ]);
  });

  it('ignores a document recorded twice', () => {
    spec.given(almost).when(memberCard).thenNothingHappened();
  });

  it.each<[string, Partial<typeof memberCard>, string]>([
    ['received in the future', { receivedOn: '2026-03-21' }, 'DOCUMENT_DATE_INVALID'],
    ['received before the claim was lodged', { receivedOn: '2026-03-15' }, 'DOCUMENT_DATE_INVALID'],
    ['without a reference', { reference: '' }, 'DOCUMENT_REFERENCE_MISSING'],
  ])('refuses a document %s', (_label, change, code) => {
    claimSpec(context(today))
      .given(submitted)
      .when({ ...memberCard, ...change })
      .thenRejects(code);
  });

  const complete = historyOf(claimDecider(context(today)), [bankBook], almost);
  const request = {
    type: 'RequestClaimDocuments',
    documents: ['bank-book'],
    note: 'buku tabungan tidak terbaca',
    officerId: 'officer-1',
  } as const;

  it('pauses the running clock when documents are requested, and resumes it when they arrive', () => {
    const later = claimSpec(context('2026-03-24'));
    later
      .given(complete)
      .when(request)
      .then([
        {
          type: 'ClaimDocumentsRequested',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            documents: ['bank-book'],
            note: 'buku tabungan tidak terbaca',
            requestedOn: '2026-03-24',
            requestedBy: 'officer-1',
            slaClockPaused: true,
          },
        },
      ]);
    const requested = historyOf(claimDecider(context('2026-03-24')), [request], complete);
    const again = { ...bankBook, reference: 'dms/bank-book-2', receivedOn: '2026-03-26' };
    claimSpec(context('2026-03-26'))
      .given(requested)
      .when(again)
      .then([
        expect.objectContaining({ type: 'ClaimDocumentReceived' }) as ClaimEvent,
        {
          type: 'ClaimDocumentsCompleted',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            completedOn: '2026-03-26',
            slaClock: 'resumed',
          },
        },
      ]);
    claimSpec(context('2026-03-26'))
      .given(requested)
      .when({ ...again, receivedOn: '2026-03-23' })
      .thenRejects('DOCUMENT_DATE_INVALID');
  });

  it('does not pause a clock that has not started', () => {
    spec
      .given(submitted)
      .when(request)
      .then([
        expect.objectContaining({
          type: 'ClaimDocumentsRequested',
          data: expect.objectContaining({ slaClockPaused: false }),
        }) as ClaimEvent,
      ]);
    spec
      .given(submitted)
      .when({ ...request, documents: [] })
      .thenRejects('DOCUMENTS_REQUEST_EMPTY');
  });

  it('takes no documents once a decision is proposed, or decided', () => {
    const propose = {
      type: 'ProposeClaimDecision',
      decisionId: 'd-1',
      officerId: 'officer-1',
      facts: facts({ accidentReport: confirmedReport('2026-03-15') }),
    } as const;
    // Rp2,000,000 of STMB: final with one actor under the Rp10,000,000 threshold.
    const decided = historyOf(claimDecider(context(today)), [propose], complete);
    spec.given(decided).when(memberCard).thenRejects('CLAIM_ALREADY_DECIDED');
    const proposed = historyOf(
      claimDecider({ ...context(today), makerCheckerThreshold: 1_000_000 }),
      [
        {
          type: 'ProposeClaimDecision',
          decisionId: 'd-1',
          officerId: 'officer-1',
          facts: facts({ accidentReport: confirmedReport('2026-03-15') }),
        },
      ],
      complete,
    );
    spec.given(proposed).when(memberCard).thenRejects('DECISION_ALREADY_PROPOSED');
  });
});
