import {
  OFFICER_REVIEW,
  isOfficerRejectionReason,
  type ClaimRejected,
  type ClaimRejectionProposed,
  type OfficerRejectionReason,
  type OfficerReviewDetails,
} from '@santunan/contracts';
import { accept, rejectWith } from '@santunan/domain-kernel';
import type {
  ClaimDecisionContext,
  ProposeClaimRejection,
  RejectClaimDecision,
} from './claim.commands';
import { proposalTarget } from './claim-proposal';
import { claimRejected } from './claim-rejected';
import type { ClaimDecision } from './claim.rejections';
import type { ClaimFile, ClaimState } from './claim.state';

/** A claim with a proposal before its checker, of either kind. */
export type AwaitingChecker = Extract<ClaimState, { status: 'awaiting-checker' }>;

/** An officer's reason, checked: a code from the closed list and a note that says something. */
type OfficerReason =
  | { readonly ok: true; readonly code: OfficerRejectionReason; readonly note: string }
  | { readonly ok: false; readonly decision: ClaimDecision };

function officerReason(reasonCode: string, note: string): OfficerReason {
  if (!isOfficerRejectionReason(reasonCode)) {
    return {
      ok: false,
      decision: rejectWith(
        'REASON_CODE_INVALID',
        `${reasonCode} is not a reason claims staff may give for a rejection`,
        { reasonCode },
      ),
    };
  }
  const trimmed = note.trim();
  if (trimmed === '') {
    return {
      ok: false,
      decision: rejectWith('REASON_REQUIRED', 'a rejection needs a note saying what was found'),
    };
  }
  return { ok: true, code: reasonCode, note: trimmed };
}

function officerRejected(
  file: ClaimFile,
  decisionId: string,
  reason: { readonly code: OfficerRejectionReason; readonly note: string },
  review: OfficerReviewDetails,
  checks: ClaimRejected['checks'],
  today: string,
): ClaimDecision {
  const reasons: ClaimRejected['reasons'] = [
    { policy: OFFICER_REVIEW, code: reason.code, message: reason.note, details: review },
  ];
  return accept(claimRejected(file, decisionId, reasons, checks, review.checkerId, today));
}

/**
 * The maker proposes a rejection on the evidence: allowed where a decision may be proposed (an
 * open claim, or one waiting for a sponsor), never on a decided claim or over another proposal.
 * Always for a checker, whatever the benefit: the claimant loses the claim on a person's word.
 */
export function proposeRejection(
  state: ClaimState,
  command: ProposeClaimRejection,
  context: ClaimDecisionContext,
): ClaimDecision {
  const target = proposalTarget(state, command.decisionId);
  if (!target.ok) return target.decision;
  const { file } = target.claim;
  const reason = officerReason(command.reasonCode, command.note);
  if (!reason.ok) return reason.decision;
  const proposed: ClaimRejectionProposed = {
    claimId: file.claimId,
    participantId: file.participantId,
    decisionId: command.decisionId,
    program: file.program,
    supersedesDecisionId: file.lastDecisionId,
    reasonCode: reason.code,
    note: reason.note,
    proposedBy: command.officerId,
    proposedOn: context.today,
  };
  return accept({ type: 'ClaimRejectionProposed', data: proposed });
}

/**
 * The checker confirms a rejection proposal: the maker's reason and note become the rejection
 * (`officer-review`), naming who proposed and who confirmed. The caller has checked that this
 * is the pending proposal and that the checker is not its maker.
 */
export function confirmRejection(
  state: Extract<AwaitingChecker, { proposalKind: 'rejection' }>,
  checkerId: string,
  context: ClaimDecisionContext,
): ClaimDecision {
  const { proposal } = state;
  return officerRejected(
    state.file,
    proposal.decisionId,
    { code: proposal.reasonCode, note: proposal.note },
    {
      proposal: 'rejection',
      makerId: proposal.proposedBy,
      proposedOn: proposal.proposedOn,
      checkerId,
    },
    [],
    context.today,
  );
}

/**
 * The checker rejects an approval proposal instead of approving it: their own reason and note,
 * the proposal's eligibility checks kept. A rejection proposal is confirmed or sent back, not
 * rejected again. The caller has checked the proposal and maker ≠ checker.
 */
export function rejectProposal(
  state: AwaitingChecker,
  command: RejectClaimDecision,
  context: ClaimDecisionContext,
): ClaimDecision {
  switch (state.proposalKind) {
    case 'rejection':
      return rejectWith(
        'REJECTION_ALREADY_PROPOSED',
        'the proposal is a rejection: confirm it (approval) or send it back',
        { decisionId: state.proposal.decisionId },
      );
    case 'approval':
      break;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
  const reason = officerReason(command.reasonCode, command.note);
  if (!reason.ok) return reason.decision;
  const { proposal } = state;
  return officerRejected(
    state.file,
    proposal.decisionId,
    reason,
    {
      proposal: 'approval',
      makerId: proposal.proposedBy,
      proposedOn: proposal.proposedOn,
      checkerId: command.supervisorId,
    },
    proposal.checks,
    context.today,
  );
}
