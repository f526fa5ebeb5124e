import type { ClaimRejected } from '@santunan/contracts';
import {
  claimDecider,
  claimSpec,
  completeClaim,
  confirmedReport,
  only,
  submitJkk,
} from '../__tests__/claims';
import { context, coverage, facts, monthsPaid, NTT, participant } from '../__tests__/fixtures';
import { eventsOf, historyOf } from '../__tests__/history';
import type {
  ApproveClaimDecision,
  ClaimCommand,
  ProposeClaimDecision,
  ProposeClaimRejection,
  RejectClaimDecision,
  SendBackClaimDecision,
} from './claim.commands';
import { decideClaim } from './claim.decide';
import type { ClaimCommandRejectionCode } from './claim.rejections';
import { evolveClaim, initialClaimState, type ClaimEvent, type ClaimState } from './claim.state';

const proposeRejection = (
  overrides: Partial<Omit<ProposeClaimRejection, 'type'>> = {},
): ProposeClaimRejection => ({
  type: 'ProposeClaimRejection',
  decisionId: 'r-1',
  officerId: 'officer-1',
  reasonCode: 'DOCUMENTS_NOT_AUTHENTIC',
  note: 'Surat keterangan dokter tidak tercatat di RSUD.',
  ...overrides,
});
const proposeApproval = (decisionId = 'd-1'): ProposeClaimDecision => ({
  type: 'ProposeClaimDecision',
  decisionId,
  officerId: 'officer-1',
  facts: facts({ accidentReport: confirmedReport('2025-01-10') }),
});
const approve = (supervisorId = 'supervisor-1', decisionId = 'r-1'): ApproveClaimDecision => ({
  type: 'ApproveClaimDecision',
  decisionId,
  supervisorId,
});
const sendBack = (supervisorId = 'supervisor-1', decisionId = 'r-1'): SendBackClaimDecision => ({
  type: 'SendBackClaimDecision',
  decisionId,
  supervisorId,
  reason: 'Minta klarifikasi ke RSUD dulu.',
});
const rejectDecision = (
  overrides: Partial<Omit<RejectClaimDecision, 'type'>> = {},
): RejectClaimDecision => ({
  type: 'RejectClaimDecision',
  decisionId: 'd-1',
  supervisorId: 'supervisor-1',
  reasonCode: 'FACTS_NOT_PROVEN',
  note: 'Kronologi bertentangan dengan laporan polisi.',
  ...overrides,
});

const stateOf = (events: readonly ClaimEvent[]): ClaimState =>
  events.reduce(evolveClaim, initialClaimState());

// STMB for 15 months (Rp13,500,000): an approval proposal here needs a checker too.
const day1 = context('2026-05-04');
const day2 = context('2026-05-05');
const submitted = historyOf(claimDecider(day1), [
  submitJkk('2025-01-10', [{ kind: 'stmb', months: 15 }]),
]);
const complete = completeClaim(submitJkk('2025-01-10', [{ kind: 'stmb', months: 15 }]), day1);
const rejectionProposed = historyOf(claimDecider(day1), [proposeRejection()], complete);
const approvalProposed = historyOf(claimDecider(day1), [proposeApproval()], complete);
const officerRejected = historyOf(claimDecider(day2), [approve()], rejectionProposed);
const approved = historyOf(claimDecider(day2), [approve('supervisor-1', 'd-1')], approvalProposed);

describe('the maker proposes a rejection on the evidence; a checker makes it take effect', () => {
  it('records the proposal, reason code and note, and puts the claim before a checker', () => {
    claimSpec(day1)
      .given(complete)
      .when(proposeRejection({ note: '  Surat keterangan dokter tidak tercatat di RSUD.  ' }))
      .then([
        {
          type: 'ClaimRejectionProposed',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            decisionId: 'r-1',
            program: 'jkk',
            supersedesDecisionId: null,
            reasonCode: 'DOCUMENTS_NOT_AUTHENTIC',
            note: 'Surat keterangan dokter tidak tercatat di RSUD.',
            proposedBy: 'officer-1',
            proposedOn: '2026-05-04',
          },
        },
      ]);
    expect(stateOf(rejectionProposed)).toMatchObject({
      status: 'awaiting-checker',
      proposalKind: 'rejection',
      proposal: { decisionId: 'r-1', proposedBy: 'officer-1' },
      interruptedWait: null,
    });
  });

  it('needs no complete documents: a withdrawn claim is rejected as it stands', () => {
    const events = eventsOf(
      decideClaim(
        proposeRejection({ reasonCode: 'CLAIM_WITHDRAWN', note: 'Ahli waris mencabut klaim.' }),
        stateOf(submitted),
        day1,
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['ClaimRejectionProposed']);
  });

  it.each<[string, readonly ClaimEvent[], ProposeClaimRejection, ClaimCommandRejectionCode]>([
    ['a blank note', complete, proposeRejection({ note: '   ' }), 'REASON_REQUIRED'],
    ['no note at all', complete, proposeRejection({ note: '' }), 'REASON_REQUIRED'],
    [
      'a policy’s code (only policies give it)',
      complete,
      proposeRejection({ reasonCode: 'MEMBERSHIP_LAPSED' }),
      'REASON_CODE_INVALID',
    ],
    [
      'an unknown code',
      complete,
      proposeRejection({ reasonCode: 'LOOKS_WRONG' }),
      'REASON_CODE_INVALID',
    ],
    ['no claim', [], proposeRejection(), 'CLAIM_NOT_FOUND'],
    [
      'an approval proposal awaiting its checker',
      approvalProposed,
      proposeRejection(),
      'DECISION_ALREADY_PROPOSED',
    ],
    [
      'another rejection proposal awaiting its checker',
      rejectionProposed,
      proposeRejection({ decisionId: 'r-2' }),
      'DECISION_ALREADY_PROPOSED',
    ],
    [
      'a rejected claim',
      officerRejected,
      proposeRejection({ decisionId: 'r-2' }),
      'CLAIM_ALREADY_DECIDED',
    ],
    ['an approved claim', approved, proposeRejection(), 'CLAIM_ALREADY_DECIDED'],
  ])('refuses %s', (_label, given, command, code) => {
    claimSpec(day1).given(given).when(command).thenRejects(code);
  });

  it('refuses a decision id used before on the claim', () => {
    const sentBack = historyOf(
      claimDecider(day2),
      [sendBack('supervisor-1', 'd-1')],
      approvalProposed,
    );
    claimSpec(day2)
      .given(sentBack)
      .when(proposeRejection({ decisionId: 'd-1' }))
      .thenRejects('DECISION_ID_ALREADY_USED');
  });

  it('the checker confirms: ClaimRejected under officer-review, naming maker and checker', () => {
    claimSpec(day2)
      .given(rejectionProposed)
      .when(approve())
      .then([
        {
          type: 'ClaimRejected',
          data: {
            claimId: 'claim-1',
            participantId: 'p-1',
            decisionId: 'r-1',
            program: 'jkk',
            supersedesDecisionId: null,
            reasons: [
              {
                policy: 'officer-review',
                code: 'DOCUMENTS_NOT_AUTHENTIC',
                message: 'Surat keterangan dokter tidak tercatat di RSUD.',
                details: {
                  proposal: 'rejection',
                  makerId: 'officer-1',
                  proposedOn: '2026-05-04',
                  checkerId: 'supervisor-1',
                },
              },
            ],
            checks: [],
            rejectedBy: 'supervisor-1',
            rejectedOn: '2026-05-05',
          },
        },
      ]);
    expect(stateOf(officerRejected)).toMatchObject({
      status: 'rejected',
      file: { decisionIds: ['r-1'], lastDecisionId: 'r-1' },
    });
  });

  it.each<[string, ClaimCommand, ClaimCommandRejectionCode]>([
    ['the maker confirms their own proposal', approve('officer-1'), 'MAKER_CHECKER_SAME_PERSON'],
    ['the maker sends their own proposal back', sendBack('officer-1'), 'MAKER_CHECKER_SAME_PERSON'],
    [
      'another proposal than the one pending',
      approve('supervisor-1', 'r-0'),
      'DECISION_NOT_PENDING',
    ],
    ['a new approval proposal over it', proposeApproval('d-9'), 'DECISION_ALREADY_PROPOSED'],
    [
      'a document recorded meanwhile',
      {
        type: 'RecordClaimDocument',
        document: 'police-report',
        reference: 'dms/police-report',
        receivedOn: '2026-05-05',
        officerId: 'officer-1',
      },
      'DECISION_ALREADY_PROPOSED',
    ],
    [
      'the checker “rejecting” a rejection proposal',
      rejectDecision({ decisionId: 'r-1' }),
      'REJECTION_ALREADY_PROPOSED',
    ],
  ])('with a rejection proposal pending, refuses %s', (_label, command, code) => {
    claimSpec(day2).given(rejectionProposed).when(command).thenRejects(code);
  });

  it('a rejection proposal sent back leaves the claim open, for a new proposal of either kind', () => {
    const sentBack = historyOf(claimDecider(day2), [sendBack()], rejectionProposed);
    expect(sentBack[sentBack.length - 1]).toMatchObject({
      type: 'ClaimDecisionSentBack',
      data: { decisionId: 'r-1', sentBackBy: 'supervisor-1' },
    });
    expect(stateOf(sentBack)).toMatchObject({ status: 'open', file: { decisionIds: ['r-1'] } });
    const approvedAfter = eventsOf(decideClaim(proposeApproval('d-2'), stateOf(sentBack), day2));
    expect(approvedAfter.map((event) => event.type)).toEqual([
      'ClaimEligibilityAssessed',
      'ClaimDecisionProposed',
    ]);
    claimSpec(day2)
      .given(sentBack)
      .when(proposeRejection({ decisionId: 'r-2', reasonCode: 'DUPLICATE_CLAIM' }))
      .then([
        expect.objectContaining({
          type: 'ClaimRejectionProposed',
          data: expect.objectContaining({ decisionId: 'r-2', reasonCode: 'DUPLICATE_CLAIM' }),
        }) as ClaimEvent,
      ]);
  });

  it('a claim rejected this way is reopened as any rejection, and decided anew', () => {
    const reopened = historyOf(
      claimDecider(day2),
      [
        {
          type: 'ReopenClaim',
          kind: 'appeal',
          reason: 'surat asli diserahkan',
          officerId: 'officer-2',
        },
      ],
      officerRejected,
    );
    expect(reopened[reopened.length - 1]).toMatchObject({
      type: 'ClaimReopened',
      data: { previousDecisionId: 'r-1', kind: 'appeal' },
    });
    const events = eventsOf(decideClaim(proposeApproval('d-2'), stateOf(reopened), day2));
    expect(only(events, 'ClaimDecisionProposed').data).toMatchObject({
      decisionId: 'd-2',
      supersedesDecisionId: 'r-1',
    });
  });
});

describe('a rejection proposed while the claim waits for a sponsor', () => {
  const lodged = context('2026-04-06');
  const sponsoredFacts = facts({
    participant: participant({
      registeredOn: '2026-01-05',
      incomeHistory: [{ declaredIncome: 1_000_000, effectiveFrom: '2026-01' }],
    }),
    coverage: coverage({
      sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: '2026-12' }],
      paidMonths: monthsPaid('2026-01', '2026-02', NTT),
    }),
    accidentReport: confirmedReport('2026-03-15'),
  });
  const waiting = historyOf(
    claimDecider(lodged),
    [
      {
        type: 'ProposeClaimDecision',
        decisionId: 'd-1',
        officerId: 'officer-1',
        facts: sponsoredFacts,
      },
    ],
    completeClaim(submitJkk('2026-03-15', [{ kind: 'stmb', months: 2 }]), lodged),
  );
  const proposed = historyOf(
    claimDecider(lodged),
    [proposeRejection({ reasonCode: 'CLAIM_WITHDRAWN', note: 'Peserta mencabut klaim.' })],
    waiting,
  );

  it('is allowed, and a send-back resumes the wait it interrupted', () => {
    const before = stateOf(waiting);
    expect(before.status).toBe('pending-contribution');
    const sentBack = historyOf(claimDecider(lodged), [sendBack()], proposed);
    expect(stateOf(sentBack)).toMatchObject({
      status: 'pending-contribution',
      pending: before.status === 'pending-contribution' ? before.pending : null,
    });
  });

  it('confirmed, it rejects the claim', () => {
    const events = eventsOf(decideClaim(approve(), stateOf(proposed), lodged));
    expect(only(events, 'ClaimRejected').data.reasons).toEqual([
      expect.objectContaining({ policy: 'officer-review', code: 'CLAIM_WITHDRAWN' }),
    ]);
  });
});

describe('the checker rejects an approval proposal instead of approving it', () => {
  const proposal = only(approvalProposed, 'ClaimDecisionProposed').data;

  it('records their reason and note, the proposal’s checks, and both people', () => {
    const rejected = only(
      eventsOf(
        decideClaim(
          rejectDecision({ note: ' Kronologi bertentangan. ' }),
          stateOf(approvalProposed),
          day2,
        ),
      ),
      'ClaimRejected',
    ).data;
    expect(rejected).toEqual<ClaimRejected>({
      claimId: 'claim-1',
      participantId: 'p-1',
      decisionId: 'd-1',
      program: 'jkk',
      supersedesDecisionId: null,
      reasons: [
        {
          policy: 'officer-review',
          code: 'FACTS_NOT_PROVEN',
          message: 'Kronologi bertentangan.',
          details: {
            proposal: 'approval',
            makerId: 'officer-1',
            proposedOn: '2026-05-04',
            checkerId: 'supervisor-1',
          },
        },
      ],
      checks: proposal.checks,
      rejectedBy: 'supervisor-1',
      rejectedOn: '2026-05-05',
    });
  });

  it.each<[string, readonly ClaimEvent[], RejectClaimDecision, ClaimCommandRejectionCode]>([
    [
      'by the maker',
      approvalProposed,
      rejectDecision({ supervisorId: 'officer-1' }),
      'MAKER_CHECKER_SAME_PERSON',
    ],
    [
      'of another proposal',
      approvalProposed,
      rejectDecision({ decisionId: 'd-0' }),
      'DECISION_NOT_PENDING',
    ],
    ['with a blank note', approvalProposed, rejectDecision({ note: ' \n ' }), 'REASON_REQUIRED'],
    [
      'with an unknown code',
      approvalProposed,
      rejectDecision({ reasonCode: 'NO' }),
      'REASON_CODE_INVALID',
    ],
    ['with nothing proposed', complete, rejectDecision(), 'NO_DECISION_PROPOSED'],
    ['once approved', approved, rejectDecision(), 'CLAIM_ALREADY_DECIDED'],
    ['of no claim', [], rejectDecision(), 'CLAIM_NOT_FOUND'],
  ])('refuses a rejection %s', (_label, given, command, code) => {
    claimSpec(day2).given(given).when(command).thenRejects(code);
  });
});
