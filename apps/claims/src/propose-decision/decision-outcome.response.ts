import { ApiProperty } from '@nestjs/swagger';
import type { AwaitingChecker, ClaimState, ProposalKind } from '@santunan/claims-domain';
import {
  OFFICER_REJECTION_REASONS,
  type ClaimApproved,
  type ClaimDecisionProposed,
  type ClaimEligibilityAssessed,
  type ClaimRejected,
  type OfficerRejectionReason,
} from '@santunan/contracts';
import type { EventEnvelope } from '@santunan/platform';
import { scholarshipEntitlementIdOf } from '../shared/claim-workflow';

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class EligibilityDto {
  @ApiProperty({ enum: ['eligible', 'pending-contribution', 'ineligible'] })
  outcome!: ClaimEligibilityAssessed['outcome'];

  @ApiProperty()
  assessedOn!: string;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'Every named policy in its fixed order: policy, outcome (allowed, rejected, pending, ' +
      'not-applicable), reason code, message and details.',
  })
  checks!: ClaimEligibilityAssessed['checks'];
}

/**
 * The decision as proposed or approved: the full decision record of the event — rule set,
 * every component with its legal basis, formula, inputs and amount (`explanation`), every
 * input, payees and the scholarship outcome — plus who proposed it and who must check it.
 */
export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;

  @ApiProperty({ description: 'Integer rupiah.' })
  total!: number;

  @ApiProperty({ example: 'PP82-2019' })
  ruleSetId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  supersedesDecisionId!: string | null;

  @ApiProperty({
    ...OBJECT,
    description: 'recompute(explanation) gives the total again (components with legal basis).',
  })
  explanation!: ClaimDecisionProposed['explanation'];

  @ApiProperty(OBJECT)
  inputs!: ClaimDecisionProposed['inputs'];

  @ApiProperty({ type: 'array', items: OBJECT })
  checks!: ClaimDecisionProposed['checks'];

  @ApiProperty({ ...OBJECT, description: 'Payees (with bank accounts) and what the fund keeps.' })
  payment!: ClaimDecisionProposed['payment'];

  @ApiProperty(OBJECT)
  scholarship!: ClaimDecisionProposed['scholarship'];

  @ApiProperty()
  proposedBy!: string;

  @ApiProperty()
  proposedOn!: string;

  @ApiProperty({ description: 'Death, CTT, or at or above the threshold: a second person checks.' })
  checkerRequired!: boolean;

  @ApiProperty({ type: [String] })
  checkerReasons!: string[];

  @ApiProperty({ ...OBJECT, nullable: true, description: 'Once approved: maker, checker, mode.' })
  approval!: ClaimApproved['approval'] | null;

  @ApiProperty({ ...OBJECT, nullable: true, description: 'Once approved: the payment due date.' })
  sla!: ClaimApproved['sla'] | null;
}

/**
 * What awaits the checker, of either kind: an approval (the benefit in `decision`) or a
 * rejection claims staff proposed, with its reason code and note. The maker may not check it.
 */
export class PendingProposalDto {
  @ApiProperty({ enum: ['approval', 'rejection'] })
  kind!: ProposalKind;

  @ApiProperty({
    format: 'uuid',
    description: 'The id the checker approves, sends back or rejects.',
  })
  decisionId!: string;

  @ApiProperty({ description: 'The maker’s actor id: they may not check their own proposal.' })
  proposedBy!: string;

  @ApiProperty()
  proposedOn!: string;

  @ApiProperty({
    enum: OFFICER_REJECTION_REASONS,
    nullable: true,
    type: String,
    description: 'A rejection: the maker’s reason code.',
  })
  reasonCode!: OfficerRejectionReason | null;

  @ApiProperty({ nullable: true, type: String, description: 'A rejection: the maker’s note.' })
  note!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'An approval: integer rupiah.' })
  total!: number | null;
}

export class RejectionDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'Policy, reason code, message, details. A rejection claims staff decided has the policy ' +
      '`officer-review`, the note as message and details { proposal, makerId, proposedOn, checkerId }.',
  })
  reasons!: ClaimRejected['reasons'];

  @ApiProperty()
  rejectedBy!: string;

  @ApiProperty()
  rejectedOn!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  supersedesDecisionId!: string | null;
}

export class PendingContributionDto {
  @ApiProperty({ example: '2026-11' })
  month!: string;

  @ApiProperty()
  programId!: string;

  @ApiProperty({ description: 'The sponsor’s last day to pay; the claim is rejected after it.' })
  graceEndsOn!: string;

  @ApiProperty()
  since!: string;
}

/** Where a claim stands after the maker's proposal or the checker's decision. */
export class DecisionOutcomeResponse {
  @ApiProperty({ format: 'uuid' })
  claimId!: string;

  @ApiProperty({
    enum: ['open', 'pending-contribution', 'awaiting-checker', 'approved', 'rejected'],
  })
  status!: Exclude<ClaimState['status'], 'none'>;

  @ApiProperty({ type: EligibilityDto, nullable: true })
  eligibility!: EligibilityDto | null;

  @ApiProperty({
    type: PendingProposalDto,
    nullable: true,
    description: 'Awaiting a checker: the proposal, approval or rejection.',
  })
  proposal!: PendingProposalDto | null;

  @ApiProperty({
    type: DecisionDto,
    nullable: true,
    description: 'An approval proposal awaiting its checker, or the approval.',
  })
  decision!: DecisionDto | null;

  @ApiProperty({ type: RejectionDto, nullable: true })
  rejection!: RejectionDto | null;

  @ApiProperty({ type: PendingContributionDto, nullable: true })
  pending!: PendingContributionDto | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'An approved death or CTT: the scholarship entitlement granted (or refused) with it.',
  })
  scholarshipEntitlementId!: string | null;

  @ApiProperty()
  version!: number;
}

function pendingProposal(state: AwaitingChecker): PendingProposalDto {
  const { proposal } = state;
  const common = {
    kind: state.proposalKind,
    decisionId: proposal.decisionId,
    proposedBy: proposal.proposedBy,
    proposedOn: proposal.proposedOn,
  };
  switch (state.proposalKind) {
    case 'approval':
      return { ...common, reasonCode: null, note: null, total: state.proposal.total };
    case 'rejection':
      return {
        ...common,
        reasonCode: state.proposal.reasonCode,
        note: state.proposal.note,
        total: null,
      };
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

function recordOf(record: ClaimDecisionProposed | ClaimApproved) {
  return {
    decisionId: record.decisionId,
    total: record.total,
    ruleSetId: record.ruleSetId,
    supersedesDecisionId: record.supersedesDecisionId,
    explanation: record.explanation,
    inputs: record.inputs,
    checks: record.checks,
    payment: record.payment,
    scholarship: record.scholarship,
  };
}

function proposedDecision(proposal: ClaimDecisionProposed): DecisionDto {
  return {
    ...recordOf(proposal),
    proposedBy: proposal.proposedBy,
    proposedOn: proposal.proposedOn,
    checkerRequired: proposal.checkerRequired,
    checkerReasons: [...proposal.checkerReasons],
    approval: null,
    sla: null,
  };
}

/** Why a checker was needed is on the proposal; an approval answers only with its mode. */
function approvedDecision(
  approved: ClaimApproved,
  proposal: ClaimDecisionProposed | undefined,
): DecisionDto {
  return {
    ...recordOf(approved),
    proposedBy: approved.approval.makerId,
    proposedOn: approved.approval.proposedOn,
    checkerRequired: approved.approval.mode === 'maker-checker',
    checkerReasons: [...(proposal?.checkerReasons ?? [])],
    approval: approved.approval,
    sla: approved.sla,
  };
}

/**
 * The answer to a decision command: the claim's state after it (decrypted, as the repository
 * folds it) and, from the events it appended, the eligibility assessment it made.
 */
export function decisionOutcome(
  state: ClaimState,
  appended: readonly EventEnvelope[],
  version: number,
): DecisionOutcomeResponse {
  if (state.status === 'none') throw new Error('a decided claim command leaves a claim');
  const assessed = appended.find((event) => event.type === 'ClaimEligibilityAssessed');
  const proposed = appended.find((event) => event.type === 'ClaimDecisionProposed');
  const assessment = assessed?.data as ClaimEligibilityAssessed | undefined;
  return {
    claimId: state.file.claimId,
    status: state.status,
    eligibility:
      assessment === undefined
        ? null
        : {
            outcome: assessment.outcome,
            assessedOn: assessment.assessedOn,
            checks: assessment.checks,
          },
    proposal: state.status === 'awaiting-checker' ? pendingProposal(state) : null,
    decision:
      state.status === 'awaiting-checker'
        ? state.proposalKind === 'approval'
          ? proposedDecision(state.proposal)
          : null
        : state.status === 'approved'
          ? approvedDecision(state.decision, proposed?.data as ClaimDecisionProposed | undefined)
          : null,
    rejection:
      state.status === 'rejected'
        ? {
            decisionId: state.decision.decisionId,
            reasons: state.decision.reasons,
            rejectedBy: state.decision.rejectedBy,
            rejectedOn: state.decision.rejectedOn,
            supersedesDecisionId: state.decision.supersedesDecisionId,
          }
        : null,
    pending: state.status === 'pending-contribution' ? { ...state.pending } : null,
    scholarshipEntitlementId:
      state.status === 'approved' ? scholarshipEntitlementIdOf(state.decision) : null,
    version,
  };
}
