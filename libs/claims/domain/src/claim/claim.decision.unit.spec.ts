import {
  claimDecider,
  claimSpec,
  completeClaim,
  confirmedReport,
  only,
  submitJkk,
  submitJkm,
} from '../__tests__/claims';
import {
  account,
  context,
  coverage,
  deathFacts,
  facts,
  monthsPaid,
  NTT,
  participant,
  PAYMENT_ACCOUNT,
  son,
  WEEKDAY_CALENDAR,
  widow,
} from '../__tests__/fixtures';
import { eventsOf, historyOf } from '../__tests__/history';
import type { ClaimFacts } from '../facts/claim-facts';
import type {
  ApproveClaimDecision,
  ClaimDecisionContext,
  ProposeClaimDecision,
  ReassessPendingClaim,
} from './claim.commands';
import { decideClaim } from './claim.decide';
import { evolveClaim, initialClaimState, type ClaimEvent } from './claim.state';

const propose = (
  claimFacts: ClaimFacts,
  decisionId = 'd-1',
  officerId = 'officer-1',
): ProposeClaimDecision => ({
  type: 'ProposeClaimDecision',
  decisionId,
  officerId,
  facts: claimFacts,
});
const approve = (supervisorId = 'supervisor-1', decisionId = 'd-1'): ApproveClaimDecision => ({
  type: 'ApproveClaimDecision',
  decisionId,
  supervisorId,
});

function decide(
  given: readonly ClaimEvent[],
  command: Parameters<typeof decideClaim>[0],
  at: ClaimDecisionContext,
) {
  return decideClaim(command, given.reduce(evolveClaim, initialClaimState()), at);
}

describe('maker–checker on a claim of Rp13,500,000 (STMB for 15 months)', () => {
  const day1 = context('2026-05-04');
  const day2 = context('2026-05-05');
  const stmbFacts = facts({ accidentReport: confirmedReport('2025-01-10') });
  const complete = completeClaim(submitJkk('2025-01-10', [{ kind: 'stmb', months: 15 }]), day1);
  const proposed = historyOf(claimDecider(day1), [propose(stmbFacts)], complete);
  const proposal = only(proposed, 'ClaimDecisionProposed').data;

  it('the officer proposes, and a second person is required', () => {
    expect(proposed.slice(complete.length).map((event) => event.type)).toEqual([
      'ClaimEligibilityAssessed',
      'ClaimDecisionProposed',
    ]);
    expect(proposal).toMatchObject({
      decisionId: 'd-1',
      total: 13_500_000,
      ruleSetId: 'PP37-2021',
      checkerRequired: true,
      proposedBy: 'officer-1',
      supersedesDecisionId: null,
    });
    expect(proposal.checkerReasons).toEqual([
      'Rp13,500,000 is at or above the Rp10,000,000 threshold',
    ]);
  });

  it('a supervisor approves: the decision carries the SLA due date and both actors', () => {
    const approved = only(eventsOf(decide(proposed, approve(), day2)), 'ClaimApproved').data;
    expect(approved.approval).toEqual({
      mode: 'maker-checker',
      makerId: 'officer-1',
      checkerId: 'supervisor-1',
      proposedOn: '2026-05-04',
      approvedOn: '2026-05-05',
    });
    expect(approved.sla).toEqual({
      program: 'jkk',
      documentsCompletedOn: '2026-05-04',
      workingDays: 7,
      pausedWorkingDays: 0,
      dueDate: '2026-05-13',
      // Payment deadlines follow the set in force when the claim became complete.
      ruleSetId: 'PP50-2025',
      calendarId: 'ID-national-2025-2027',
    });
    expect(approved.payment.disbursements).toEqual([
      {
        payee: {
          kind: 'participant',
          participantId: 'p-1',
          fullName: 'Yohanes Bria',
          bankAccount: PAYMENT_ACCOUNT,
        },
        components: [{ code: 'JKK_STMB', amount: 13_500_000 }],
        amount: 13_500_000,
      },
    ]);
  });

  it('refuses the maker as checker', () => {
    claimSpec(day2)
      .given(proposed)
      .when(approve('officer-1'))
      .thenRejects('MAKER_CHECKER_SAME_PERSON');
    claimSpec(day2)
      .given(proposed)
      .when({
        type: 'SendBackClaimDecision',
        decisionId: 'd-1',
        supervisorId: 'officer-1',
        reason: 'x',
      })
      .thenRejects('MAKER_CHECKER_SAME_PERSON');
  });

  it('two supervisors approving at once: the second finds the claim decided', () => {
    const approved = historyOf(claimDecider(day2), [approve('supervisor-1')], proposed);
    claimSpec(day2)
      .given(approved)
      .when(approve('supervisor-2'))
      .thenRejects({
        code: 'CLAIM_ALREADY_DECIDED',
        details: { decisionId: 'd-1', status: 'approved' },
      });
  });

  it('approves only the proposal the supervisor saw', () => {
    claimSpec(day2)
      .given(proposed)
      .when(approve('supervisor-1', 'd-0'))
      .thenRejects('DECISION_NOT_PENDING');
    claimSpec(day2).given(complete).when(approve()).thenRejects('NO_DECISION_PROPOSED');
    claimSpec(day2)
      .given(proposed)
      .when(propose(stmbFacts, 'd-2'))
      .thenRejects('DECISION_ALREADY_PROPOSED');
  });

  it('a proposal sent back is proposed again under a new decision id', () => {
    const sentBack = historyOf(
      claimDecider(day2),
      [
        {
          type: 'SendBackClaimDecision',
          decisionId: 'd-1',
          supervisorId: 'supervisor-1',
          reason: 'periksa surat dokter',
        },
      ],
      proposed,
    );
    expect(sentBack[sentBack.length - 1]).toEqual({
      type: 'ClaimDecisionSentBack',
      data: {
        claimId: 'claim-1',
        participantId: 'p-1',
        decisionId: 'd-1',
        sentBackBy: 'supervisor-1',
        sentBackOn: '2026-05-05',
        reason: 'periksa surat dokter',
      },
    });
    claimSpec(day2)
      .given(sentBack)
      .when(propose(stmbFacts, 'd-1'))
      .thenRejects('DECISION_ID_ALREADY_USED');
    const again = eventsOf(decide(sentBack, propose(stmbFacts, 'd-2'), day2));
    expect(only(again, 'ClaimDecisionProposed').data).toMatchObject({
      decisionId: 'd-2',
      supersedesDecisionId: null,
    });
  });
});

describe('below the threshold, not a death or CTT: the maker decides alone', () => {
  const today = context('2026-04-06');
  const medical = submitJkk('2026-03-15', [{ kind: 'medical-care', claimedAmount: 2_500_000 }]);
  const complete = completeClaim(medical, today);

  it('proposes and approves in one step, with one actor', () => {
    const events = eventsOf(
      decide(complete, propose(facts({ accidentReport: confirmedReport('2026-03-15') })), today),
    );
    expect(events.map((event) => event.type)).toEqual([
      'ClaimEligibilityAssessed',
      'ClaimDecisionProposed',
      'ClaimApproved',
    ]);
    const approved = only(events, 'ClaimApproved').data;
    expect(approved.total).toBe(2_500_000);
    expect(approved.approval).toMatchObject({
      mode: 'single-actor',
      makerId: 'officer-1',
      checkerId: null,
    });
    expect(approved.sla.dueDate).toBe('2026-04-15');
  });

  it('not before the documents are complete', () => {
    const submitted = historyOf(claimDecider(today), [medical]);
    claimSpec(today)
      .given(submitted)
      .when(propose(facts({ accidentReport: confirmedReport('2026-03-15') })))
      .thenRejects({
        code: 'DOCUMENTS_INCOMPLETE',
        details: {
          missing: [
            'member-card',
            'ktp',
            'doctor-statement',
            'accident-chronology',
            'receipts',
            'bank-book',
          ],
        },
      });
  });

  it('not before stage I decided it was a work accident', () => {
    claimSpec(today)
      .given(complete)
      .when(
        propose(facts({ accidentReport: confirmedReport('2026-03-15', { status: 'reported' }) })),
      )
      .thenRejects('WORK_ACCIDENT_NOT_YET_DECIDED');
  });

  it.each<[string, ClaimFacts, string]>([
    [
      'facts about another participant',
      facts({
        participant: participant({ participantId: 'p-2' }),
        accidentReport: confirmedReport('2026-03-15'),
      }),
      'FACTS_INVALID',
    ],
    [
      'no declared income in the incident month',
      facts({
        participant: participant({
          incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2026-04' }],
        }),
        accidentReport: confirmedReport('2026-03-15'),
      }),
      'FACTS_INVALID',
    ],
    [
      'another accident report',
      facts({ accidentReport: confirmedReport('2026-03-14') }),
      'FACTS_INVALID',
    ],
  ])('refuses %s', (_label, claimFacts, code) => {
    claimSpec(today).given(complete).when(propose(claimFacts)).thenRejects(code);
  });
});

describe('rejections carry reason codes, and every policy result', () => {
  function rejectionOf(
    given: readonly ClaimEvent[],
    claimFacts: ClaimFacts,
    at: ClaimDecisionContext,
  ) {
    const events = eventsOf(decide(given, propose(claimFacts), at));
    expect(events.map((event) => event.type)).toEqual([
      'ClaimEligibilityAssessed',
      'ClaimRejected',
    ]);
    return only(events, 'ClaimRejected').data;
  }

  it('lapsed coverage', () => {
    const at = context('2026-04-06');
    const complete = completeClaim(
      submitJkk('2026-03-15', [{ kind: 'medical-care', claimedAmount: 500_000 }]),
      at,
    );
    const lapsed = facts({
      accidentReport: confirmedReport('2026-03-15'),
      coverage: coverage({
        paidMonths: monthsPaid('2022-01', '2025-10'),
        lapses: [{ lapsedFrom: '2025-11-01', reinstatedOn: null, cause: 'self-paying-arrears' }],
      }),
    });
    const rejected = rejectionOf(complete, lapsed, at);
    expect(rejected.reasons.map((reason) => reason.code)).toEqual([
      'INCIDENT_MONTH_NOT_PAID',
      'MEMBERSHIP_LAPSED',
    ]);
    expect(rejected).toMatchObject({
      decisionId: 'd-1',
      rejectedBy: 'officer-1',
      rejectedOn: '2026-04-06',
      supersedesDecisionId: null,
    });
    expect(rejected.checks).toHaveLength(9);
  });

  it('a self-paying month paid after the incident date does not cover it', () => {
    const at = context('2026-04-06');
    const complete = completeClaim(
      submitJkk('2026-03-15', [{ kind: 'medical-care', claimedAmount: 500_000 }]),
      at,
    );
    const paidLate = facts({
      accidentReport: confirmedReport('2026-03-15'),
      coverage: coverage({
        paidMonths: [
          ...monthsPaid('2022-01', '2026-02'),
          ...monthsPaid('2026-03', '2026-03', { kind: 'self' }, () => '2026-03-16'),
        ],
      }),
    });
    expect(rejectionOf(complete, paidLate, at).reasons).toEqual([
      expect.objectContaining({
        policy: 'covered-on-incident-date',
        code: 'CONTRIBUTION_PAID_AFTER_INCIDENT',
      }),
    ]);
  });

  describe('a late claim: the expiry at exactly 5 years, and one day past', () => {
    const longMember = facts({
      participant: participant({
        registeredOn: '2020-01-05',
        incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2020-01' }],
      }),
      coverage: coverage({ paidMonths: monthsPaid('2020-01', '2026-06') }),
      accidentReport: confirmedReport('2020-03-10'),
    });
    it.each<[string, string]>([
      ['2025-03-10', 'ClaimApproved'],
      ['2025-03-11', 'ClaimRejected'],
    ])('lodged on %s → %s', (lodgedOn, outcome) => {
      const at = context('2025-03-11');
      const complete = completeClaim(
        submitJkk('2020-03-10', [{ kind: 'medical-care', claimedAmount: 500_000 }], { lodgedOn }),
        at,
      );
      const events = eventsOf(decide(complete, propose(longMember), at));
      expect(events[events.length - 1]?.type).toBe(outcome);
      if (outcome === 'ClaimRejected') {
        expect(only(events, 'ClaimRejected').data.reasons).toEqual([
          expect.objectContaining({
            code: 'CLAIM_EXPIRED',
            details: expect.objectContaining({ lastClaimDate: '2025-03-10' }),
          }),
        ]);
      }
    });
  });

  describe('a late claim before PP 82/2019: the expiry at exactly 2 years, and one day past', () => {
    const member2019 = facts({
      participant: participant({
        registeredOn: '2018-01-05',
        incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2018-01' }],
      }),
      coverage: coverage({ paidMonths: monthsPaid('2018-01', '2021-12') }),
      accidentReport: confirmedReport('2019-06-15'),
    });
    it.each<[string, string]>([
      ['2021-06-15', 'ClaimApproved'],
      ['2021-06-16', 'ClaimRejected'],
    ])('lodged on %s → %s', (lodgedOn, outcome) => {
      const at = context('2021-06-16', WEEKDAY_CALENDAR);
      const complete = completeClaim(
        submitJkk('2019-06-15', [{ kind: 'medical-care', claimedAmount: 500_000 }], { lodgedOn }),
        at,
      );
      const events = eventsOf(decide(complete, propose(member2019), at));
      expect(events[events.length - 1]?.type).toBe(outcome);
    });
  });

  it('a JKM claim for a death already claimed as JKK is rejected, naming the JKK claim', () => {
    const at = context('2026-03-25');
    const complete = completeClaim(submitJkm('2026-03-20', { claimId: 'claim-2' }), at);
    const heldByJkk = deathFacts('claim-1', 'jkk', '2026-03-20');
    const rejected = rejectionOf(complete, heldByJkk, at);
    expect(rejected.reasons).toEqual([
      expect.objectContaining({
        policy: 'one-death-benefit-per-death',
        code: 'DEATH_BENEFIT_ALREADY_CLAIMED',
        details: {
          firstClaimId: 'claim-1',
          firstClaimProgram: 'jkk',
          firstClaimedOn: '2026-03-20',
        },
      }),
    ]);
    expect(rejected.reasons[0]?.message).toContain('claim claim-1 (JKK');
  });

  it('a death claim is decided only once it holds the death register', () => {
    const at = context('2026-03-25');
    const complete = completeClaim(submitJkm('2026-03-20'), at);
    const unregistered = deathFacts('claim-1', 'jkm', '2026-03-20', {
      deathRegister: { dateOfDeath: null, benefitClaimedBy: null },
    });
    claimSpec(at)
      .given(complete)
      .when(propose(unregistered))
      .thenRejects('DEATH_BENEFIT_NOT_REGISTERED');
  });
});

describe('pending contribution (product decision 1, sponsored BPU)', () => {
  const lodged = context('2026-04-06');
  const sponsorship = [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: '2026-12' }];
  const sponsoredFacts = (march: ReturnType<typeof monthsPaid> = []) =>
    facts({
      participant: participant({
        registeredOn: '2026-01-05',
        incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2026-01' }],
      }),
      coverage: coverage({
        sponsorships: sponsorship,
        paidMonths: [...monthsPaid('2026-01', '2026-02', NTT), ...march],
      }),
      accidentReport: confirmedReport('2026-03-15'),
    });
  const complete = completeClaim(submitJkk('2026-03-15', [{ kind: 'stmb', months: 2 }]), lodged);
  const waiting = historyOf(claimDecider(lodged), [propose(sponsoredFacts())], complete);
  const paidInGrace = sponsoredFacts(monthsPaid('2026-03', '2026-03', NTT, () => '2026-05-20'));
  const reassess = (claimFacts: ClaimFacts, decisionId = 'd-2'): ReassessPendingClaim => ({
    type: 'ReassessPendingClaim',
    decisionId,
    actorId: 'system',
    facts: claimFacts,
  });

  it('the claim waits for the sponsor while the grace runs', () => {
    expect(waiting.slice(complete.length)).toEqual([
      expect.objectContaining({
        type: 'ClaimEligibilityAssessed',
        data: expect.objectContaining({ outcome: 'pending-contribution' }),
      }),
      {
        type: 'ClaimPendingContribution',
        data: {
          claimId: 'claim-1',
          participantId: 'p-1',
          month: '2026-03',
          programId: 'ntt-2026',
          graceEndsOn: '2026-06-30',
          since: '2026-04-06',
        },
      },
    ]);
    claimSpec(context('2026-04-20'))
      .given(waiting)
      .when(propose(sponsoredFacts(), 'd-9'))
      .thenNothingHappened();
    claimSpec(context('2026-04-20'))
      .given(waiting)
      .when(reassess(sponsoredFacts()))
      .thenNothingHappened();
  });

  it('the sponsor pays within the grace: the claim is assessed, and the clock runs again', () => {
    const at = context('2026-05-21');
    claimSpec(at)
      .given(waiting)
      .when(reassess(paidInGrace))
      .then([
        expect.objectContaining({
          type: 'ClaimEligibilityAssessed',
          data: expect.objectContaining({ outcome: 'eligible', assessedBy: 'system' }),
        }) as ClaimEvent,
      ]);
    const assessed = historyOf(claimDecider(at), [reassess(paidInGrace)], waiting);
    const approved = only(
      eventsOf(decide(assessed, propose(paidInGrace, 'd-2'), at)),
      'ClaimApproved',
    ).data;
    // Complete on 6 April, waiting 7 April – 21 May; 7 working days from 22 May skip Idul Adha and Pancasila day.
    expect(approved.sla).toMatchObject({
      documentsCompletedOn: '2026-04-06',
      dueDate: '2026-06-03',
    });
    expect(approved.sla.pausedWorkingDays).toBeGreaterThan(0);
    expect(
      approved.checks.find((check) => check.policy === 'covered-on-incident-date'),
    ).toMatchObject({
      outcome: 'allowed',
      details: { paidOn: '2026-05-20', graceEndsOn: '2026-06-30' },
    });
  });

  it('the maker may also propose straight away once the sponsor paid', () => {
    const events = eventsOf(decide(waiting, propose(paidInGrace, 'd-2'), context('2026-05-21')));
    expect(events.map((event) => event.type)).toEqual([
      'ClaimEligibilityAssessed',
      'ClaimDecisionProposed',
      'ClaimApproved',
    ]);
  });

  it.each<[string, ClaimFacts, string]>([
    ['not paid when the grace ended', sponsoredFacts(), '2026-07-01'],
    [
      'paid after the grace ended',
      sponsoredFacts(monthsPaid('2026-03', '2026-03', NTT, () => '2026-07-01')),
      '2026-07-02',
    ],
  ])('the sponsor %s: the claim is rejected', (_label, claimFacts, day) => {
    const events = eventsOf(decide(waiting, reassess(claimFacts), context(day)));
    expect(only(events, 'ClaimRejected').data).toMatchObject({
      decisionId: 'd-2',
      rejectedBy: 'system',
      reasons: [expect.objectContaining({ code: 'SPONSOR_CONTRIBUTION_NOT_PAID_IN_GRACE' })],
    });
  });

  it('only a waiting claim is reassessed', () => {
    claimSpec(lodged)
      .given(complete)
      .when(reassess(paidInGrace))
      .thenRejects('CLAIM_NOT_PENDING_CONTRIBUTION');
  });
});

describe('who is paid (product decision 4, the no-heir rule)', () => {
  const at = context('2026-03-25');
  const complete = completeClaim(submitJkm('2026-03-20'), at);

  it.each<[string, Partial<ClaimFacts>, string]>([
    [
      'the son has not consented to the widow as payee',
      { heirs: { heirs: [widow, son] } },
      'PAYEE_CONSENT_MISSING',
    ],
    [
      'the widow has no bank account',
      { heirs: { heirs: [{ ...widow, bankAccount: undefined }, son], consentsGivenBy: ['h-son'] } },
      'PAYEE_BANK_ACCOUNT_MISSING',
    ],
    [
      'no heir and nobody known to have arranged the burial',
      { heirs: { heirs: [] } },
      'BURIAL_ARRANGER_UNKNOWN',
    ],
  ])('refuses to propose when %s', (_label, change, code) => {
    claimSpec(at)
      .given(complete)
      .when(propose(deathFacts('claim-1', 'jkm', '2026-03-20', change)))
      .thenRejects(code);
  });

  it('no heir: the funeral benefit to whoever arranged the burial, the rest to the fund', () => {
    const arranger = {
      arrangerId: 'kades-oebobo',
      fullName: 'Kepala Desa Oebobo',
      bankAccount: account('Kepala Desa Oebobo', '0042'),
    };
    const events = eventsOf(
      decide(
        complete,
        propose(
          deathFacts('claim-1', 'jkm', '2026-03-20', {
            heirs: { heirs: [], burialArrangedBy: arranger },
          }),
        ),
        at,
      ),
    );
    const proposal = only(events, 'ClaimDecisionProposed').data;
    expect(proposal.payment).toEqual({
      disbursements: [
        {
          payee: { kind: 'burial-arranger', ...arranger },
          components: [{ code: 'JKM_FUNERAL', amount: 10_000_000 }],
          amount: 10_000_000,
        },
      ],
      retainedByFund: {
        components: [
          { code: 'JKM_LUMP_SUM', amount: 20_000_000 },
          { code: 'JKM_PERIODIC', amount: 12_000_000 },
        ],
        amount: 32_000_000,
      },
    });
    expect(proposal.inputs.heirTier).toBe(6);
  });
});

describe('appeals and corrections: a new decision referencing the old one', () => {
  const at = context('2026-04-06');
  const complete = completeClaim(
    submitJkk('2026-03-15', [{ kind: 'medical-care', claimedAmount: 500_000 }]),
    at,
  );
  const wronglyLapsed = facts({
    accidentReport: confirmedReport('2026-03-15'),
    coverage: coverage({
      lapses: [{ lapsedFrom: '2026-03-01', reinstatedOn: null, cause: 'sponsor-arrears' }],
    }),
  });
  const rejected = historyOf(claimDecider(at), [propose(wronglyLapsed)], complete);
  const appeal = {
    type: 'ReopenClaim',
    kind: 'appeal',
    reason: 'bukti pembayaran Maret',
    officerId: 'officer-2',
  } as const;

  it('reopens a rejected claim for an appeal, then decides it anew with a reference to the rejection', () => {
    const reopened = historyOf(claimDecider(at), [appeal], rejected);
    expect(reopened[reopened.length - 1]).toEqual({
      type: 'ClaimReopened',
      data: {
        claimId: 'claim-1',
        participantId: 'p-1',
        previousDecisionId: 'd-1',
        kind: 'appeal',
        reason: 'bukti pembayaran Maret',
        reopenedBy: 'officer-2',
        reopenedOn: '2026-04-06',
      },
    });
    const events = eventsOf(
      decide(
        reopened,
        propose(facts({ accidentReport: confirmedReport('2026-03-15') }), 'd-2'),
        at,
      ),
    );
    expect(only(events, 'ClaimApproved').data).toMatchObject({
      decisionId: 'd-2',
      supersedesDecisionId: 'd-1',
      total: 500_000,
    });
    // The earlier decision stays as it was: history is appended to, never edited.
    expect(reopened.slice(0, rejected.length)).toEqual(rejected);
  });

  it('a correction of an approved claim supersedes the approval', () => {
    const approved = historyOf(
      claimDecider(at),
      [appeal, propose(facts({ accidentReport: confirmedReport('2026-03-15') }), 'd-2')],
      rejected,
    );
    const corrected = historyOf(
      claimDecider(at),
      [
        {
          type: 'ReopenClaim',
          kind: 'correction',
          reason: 'kwitansi ganda',
          officerId: 'officer-1',
        },
      ],
      approved,
    );
    const events = eventsOf(
      decide(
        corrected,
        propose(facts({ accidentReport: confirmedReport('2026-03-15') }), 'd-3'),
        at,
      ),
    );
    expect(only(events, 'ClaimApproved').data.supersedesDecisionId).toBe('d-2');
  });

  it('only a decided claim is reopened, and with a reason', () => {
    claimSpec(at).given(complete).when(appeal).thenRejects('CLAIM_NOT_DECIDED');
    claimSpec(at)
      .given(rejected)
      .when({ ...appeal, reason: ' ' })
      .thenRejects('REASON_REQUIRED');
    claimSpec(at)
      .given(rejected)
      .when(propose(wronglyLapsed, 'd-2'))
      .thenRejects('CLAIM_ALREADY_DECIDED');
  });
});
