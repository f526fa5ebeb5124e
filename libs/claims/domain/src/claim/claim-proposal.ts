import type {
  ClaimApproved,
  ClaimDecisionProposed,
  ClaimDocumentCode,
  ClaimRejected,
  DecisionHeir,
  DecisionRecord,
  ScholarshipOutcome,
  SlaRecord,
} from '@santunan/contracts';
import { accept, monthOf, rejectWith } from '@santunan/domain-kernel';
import type { HeirResolution, ScholarshipEntitlement, WorkingDayCalendar } from '@santunan/rules';
import { computeBenefit } from '../decision/benefit';
import { declaredIncomeIn } from '../decision/declared-income';
import { resolveClaimHeirs } from '../decision/heirs';
import { checkerRequirement, isValidThreshold } from '../decision/maker-checker';
import { planPayment } from '../decision/payment';
import type { ClaimFacts, RegisteredChildFact } from '../facts/claim-facts';
import {
  isDeathClaim,
  scholarshipRouteOf,
  type ClaimUnderAssessment,
} from '../policies/claim-under-assessment';
import { assessEligibility, type EligibilityAssessment } from '../policies/eligibility';
import { paidMonthsAtIncident } from '../policies/paid-months';
import type { PolicyInput } from '../policies/policy';
import { SPONSOR_GRACE_MONTHS } from '../shared/sponsor-grace';
import { slaDueDate } from '../sla/sla-clock';
import { checkClaimFacts } from './claim-facts.check';
import { claimRejected } from './claim-rejected';
import type {
  ClaimDecisionContext,
  ProposeClaimDecision,
  ReassessPendingClaim,
} from './claim.commands';
import type { ClaimDecision } from './claim.rejections';
import {
  evolveClaim,
  type ClaimEvent,
  type ClaimFile,
  type ClaimOnFile,
  type ClaimState,
} from './claim.state';

export function claimUnderAssessment(file: ClaimFile): ClaimUnderAssessment {
  return {
    claimId: file.claimId,
    participantId: file.participantId,
    program: file.program,
    benefitType: file.benefitType,
    incidentDate: file.incidentDate,
    dateOfDeath: file.dateOfDeath,
    claimDate: file.claimDate,
    benefits: file.benefits,
    accidentReportId: file.accidentReportId,
  };
}

function assessed(
  file: ClaimFile,
  by: string,
  today: string,
  assessment: EligibilityAssessment,
  outcome: 'eligible' | 'pending-contribution' | 'ineligible',
): ClaimEvent {
  return {
    type: 'ClaimEligibilityAssessed',
    data: {
      claimId: file.claimId,
      participantId: file.participantId,
      assessedOn: today,
      assessedBy: by,
      outcome,
      checks: assessment.checks,
    },
  };
}

/** Ineligible under the rules: the assessment and the rejection at once, with its reasons. */
function ineligible(
  file: ClaimFile,
  decisionId: string,
  by: string,
  today: string,
  assessment: EligibilityAssessment,
  reasons: ClaimRejected['reasons'],
): ClaimDecision {
  return accept(
    assessed(file, by, today, assessment, 'ineligible'),
    claimRejected(file, decisionId, reasons, assessment.checks, by, today),
  );
}

function scholarshipOutcome(
  file: ClaimFile,
  entitlement: ScholarshipEntitlement | null,
  children: readonly RegisteredChildFact[],
): ScholarshipOutcome {
  const route = scholarshipRouteOf(file.benefitType);
  if (route === null || entitlement === null) return { kind: 'not-applicable' };
  switch (entitlement.kind) {
    case 'none':
      return { kind: 'none', reason: entitlement.reason, message: entitlement.message };
    case 'flat-once':
      return { kind: 'flat-once', route, amount: entitlement.amount };
    case 'yearly-by-level':
      return {
        kind: 'yearly-by-level',
        route,
        maxChildren: entitlement.maxChildren,
        perChildMax: entitlement.perChildMax,
        registeredChildren: children.map(({ childId, fullName, birthDate, registeredOn }) => ({
          childId,
          fullName,
          birthDate,
          registeredOn,
        })),
      };
    default: {
      const _exhaustive: never = entitlement;
      return _exhaustive;
    }
  }
}

function decisionHeirs(facts: ClaimFacts, file: ClaimFile): DecisionHeir[] {
  if (!isDeathClaim(file.benefitType) || facts.heirs === null) return [];
  return facts.heirs.heirs.map((heir) => ({
    heirId: heir.heirId,
    fullName: heir.fullName,
    relationship: heir.relationship,
    birthDate: heir.birthDate ?? null,
  }));
}

/** The SLA record of an approval: the clock must run (documents complete, no wait). */
export function slaRecord(
  file: ClaimFile,
  calendar: WorkingDayCalendar,
): { ok: true; sla: SlaRecord } | { ok: false; message: string } {
  const due = slaDueDate({ program: file.program, clock: file.clock, calendar });
  if (!due.ok) return { ok: false, message: due.error.message };
  if (due.value.kind !== 'running')
    return { ok: false, message: `the SLA clock is ${due.value.kind}` };
  return {
    ok: true,
    sla: {
      program: file.program,
      documentsCompletedOn: due.value.startedOn,
      workingDays: due.value.workingDays,
      pausedWorkingDays: due.value.pausedWorkingDays,
      dueDate: due.value.dueDate,
      ruleSetId: due.value.ruleSetId,
      calendarId: calendar.id,
    },
  };
}

/** The ClaimApproved record: the proposal as it stood, the approval and the SLA. */
export function approvalOf(
  proposal: ClaimDecisionProposed,
  checkerId: string | null,
  approvedOn: string,
  sla: SlaRecord,
): ClaimApproved {
  const {
    proposedBy,
    proposedOn,
    checkerRequired: _checkerRequired,
    checkerReasons: _checkerReasons,
    makerCheckerThreshold: _threshold,
    ...record
  } = proposal;
  return {
    ...record,
    approval: {
      mode: checkerId === null ? 'single-actor' : 'maker-checker',
      makerId: proposedBy,
      checkerId,
      proposedOn,
      approvedOn,
    },
    sla,
  };
}

/** Required documents not received yet, and requested ones still outstanding (checklist order). */
export function missingDocuments(file: ClaimFile): ClaimDocumentCode[] {
  const received = new Set(file.documents.received.map((doc) => doc.document));
  return [
    ...file.documents.required.filter((code) => !received.has(code)),
    ...file.documents.outstanding.map((request) => request.document),
  ].filter((code, index, all) => all.indexOf(code) === index);
}

function policyInput(
  file: ClaimFile,
  facts: ClaimFacts,
  context: ClaimDecisionContext,
): PolicyInput {
  return {
    claim: claimUnderAssessment(file),
    facts,
    today: context.today,
    sponsorGraceMonths: context.sponsorGraceMonths ?? SPONSOR_GRACE_MONTHS.value,
  };
}

/** An eligible claim, ready on every count: the proposal, and its approval when one actor suffices. */
function propose(
  state: ClaimOnFile,
  command: ProposeClaimDecision,
  context: ClaimDecisionContext,
  assessment: EligibilityAssessment,
  input: PolicyInput,
): ClaimDecision {
  const { file } = state;
  const { facts } = command;
  const missing = missingDocuments(file);
  if (missing.length > 0 || !file.documents.complete) {
    return rejectWith('DOCUMENTS_INCOMPLETE', `documents missing: ${missing.join(', ')}`, {
      missing,
    });
  }
  const paid = paidMonthsAtIncident(input);
  const income = declaredIncomeIn(facts.participant.incomeHistory, monthOf(file.incidentDate));
  if (income === null) return rejectWith('FACTS_INVALID', 'no declared income in force');
  const benefit = computeBenefit({
    claim: input.claim,
    segment: facts.participant.segment,
    declaredIncome: income.declaredIncome,
    firstPaidMonth: paid.firstPaidMonth,
    masaIurMonths: paid.masaIurMonths,
  });
  if (!benefit.ok) {
    return rejectWith('BENEFIT_NOT_COMPUTABLE', benefit.error.message, {
      ruleError: benefit.error.code,
      field: benefit.error.field,
    });
  }
  let heirs: HeirResolution | null = null;
  if (isDeathClaim(file.benefitType) && facts.heirs !== null) {
    const resolved = resolveClaimHeirs(
      file.dateOfDeath ?? file.incidentDate,
      facts.heirs,
      context.today,
    );
    if (!resolved.ok) return rejectWith('FACTS_INVALID', resolved.error.message);
    heirs = resolved.value;
  }
  const { explanation, scholarship, membershipMonth } = benefit.value;
  const plan = planPayment({
    explanation,
    participant: facts.participant,
    paymentAccount: file.paymentAccount,
    heirs:
      heirs === null || facts.heirs === null ? null : { resolution: heirs, facts: facts.heirs },
    scholarshipAccount: facts.scholarshipAccount,
  });
  if (!plan.ok) return rejectWith(plan.problem.code, plan.problem.message, plan.problem.details);

  const record: DecisionRecord = {
    decisionId: command.decisionId,
    claimId: file.claimId,
    participantId: file.participantId,
    program: file.program,
    benefitType: file.benefitType,
    supersedesDecisionId: file.lastDecisionId,
    ruleSetId: explanation.ruleSetId,
    explanation,
    total: explanation.total,
    inputs: {
      incidentDate: file.incidentDate,
      dateOfDeath: file.dateOfDeath,
      claimDate: file.claimDate,
      segment: facts.participant.segment,
      declaredIncome: income.declaredIncome,
      declaredIncomeEffectiveFrom: income.effectiveFrom,
      firstPaidMonth: paid.firstPaidMonth,
      monthsPaid: paid.monthsPaid,
      masaIurMonths: paid.masaIurMonths,
      membershipMonth,
      benefits: file.benefits,
      heirs: decisionHeirs(facts, file),
      heirTier: heirs === null ? null : heirs.tier,
    },
    checks: assessment.checks,
    payment: plan.payment,
    scholarship: scholarshipOutcome(file, scholarship, facts.children),
  };
  const checker = checkerRequirement({
    benefitType: file.benefitType,
    total: explanation.total,
    threshold: context.makerCheckerThreshold,
  });
  const proposal: ClaimDecisionProposed = {
    ...record,
    proposedBy: command.officerId,
    proposedOn: context.today,
    checkerRequired: checker.required,
    checkerReasons: checker.reasons,
    makerCheckerThreshold: context.makerCheckerThreshold,
  };
  const events: ClaimEvent[] = [
    assessed(file, command.officerId, context.today, assessment, 'eligible'),
    { type: 'ClaimDecisionProposed', data: proposal },
  ];
  if (checker.required) return accept(...events);

  // Below the threshold and not a death or CTT: the maker's proposal is final.
  const after = events.reduce<ClaimState>(evolveClaim, state);
  if (after.status === 'none') return rejectWith('CLAIM_NOT_FOUND', 'no claim');
  const sla = slaRecord(after.file, context.calendar);
  if (!sla.ok) return rejectWith('SLA_NOT_COMPUTABLE', sla.message);
  return accept(...events, {
    type: 'ClaimApproved',
    data: approvalOf(proposal, null, context.today, sla.sla),
  });
}

/** A claim a decision may be proposed on: open, or waiting for its sponsor's contribution. */
export type ClaimOpenToProposal = Extract<ClaimState, { status: 'open' | 'pending-contribution' }>;

type ProposalTarget =
  | { readonly ok: true; readonly claim: ClaimOpenToProposal }
  | { readonly ok: false; readonly decision: ClaimDecision };

/**
 * Where a maker's proposal (an assessment, or an officer's rejection) may go: a claim with no
 * proposal awaiting its checker and no decision yet, under a decision id it has not used.
 */
export function proposalTarget(state: ClaimState, decisionId: string): ProposalTarget {
  switch (state.status) {
    case 'none':
      return { ok: false, decision: rejectWith('CLAIM_NOT_FOUND', 'no claim with this id') };
    case 'awaiting-checker':
      return {
        ok: false,
        decision: rejectWith(
          'DECISION_ALREADY_PROPOSED',
          `decision ${state.proposal.decisionId} awaits its checker`,
          { decisionId: state.proposal.decisionId },
        ),
      };
    case 'approved':
    case 'rejected':
      return {
        ok: false,
        decision: rejectWith(
          'CLAIM_ALREADY_DECIDED',
          `the claim was decided (${state.decision.decisionId}); reopen it for an appeal or correction`,
          { decisionId: state.decision.decisionId },
        ),
      };
    case 'open':
    case 'pending-contribution':
      break;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
  const used = decisionIdUsed(state.file, decisionId);
  return used === null ? { ok: true, claim: state } : { ok: false, decision: used };
}

/** A decision id names one decision on a claim: proposing under it again is refused. */
function decisionIdUsed(file: ClaimFile, decisionId: string): ClaimDecision | null {
  return file.decisionIds.includes(decisionId)
    ? rejectWith('DECISION_ID_ALREADY_USED', `decision id ${decisionId} was used on this claim`)
    : null;
}

export function proposeDecision(
  state: ClaimState,
  command: ProposeClaimDecision,
  context: ClaimDecisionContext,
): ClaimDecision {
  const target = proposalTarget(state, command.decisionId);
  if (!target.ok) return target.decision;
  const { claim } = target;
  const { file } = claim;
  if (!isValidThreshold(context.makerCheckerThreshold)) {
    return rejectWith(
      'MAKER_CHECKER_THRESHOLD_INVALID',
      'the maker–checker threshold must be a whole positive number of rupiah',
    );
  }
  const problem = checkClaimFacts(file, command.facts, context.today);
  if (problem !== null) return rejectWith(problem.code, problem.message, problem.details);

  const input = policyInput(file, command.facts, context);
  const assessment = assessEligibility(input);
  const outcome = assessment.outcome;
  switch (outcome.kind) {
    case 'awaiting-work-accident-decision':
      return rejectWith('WORK_ACCIDENT_NOT_YET_DECIDED', outcome.message);
    case 'ineligible':
      return ineligible(
        file,
        command.decisionId,
        command.officerId,
        context.today,
        assessment,
        outcome.reasons,
      );
    case 'pending-contribution':
      // Asked again while the sponsor has still not paid: the wait simply goes on.
      if (claim.status === 'pending-contribution' && claim.pending.month === outcome.month)
        return accept();
      return accept(
        assessed(file, command.officerId, context.today, assessment, 'pending-contribution'),
        {
          type: 'ClaimPendingContribution',
          data: {
            claimId: file.claimId,
            participantId: file.participantId,
            month: outcome.month,
            programId: outcome.programId,
            graceEndsOn: outcome.graceEndsOn,
            since: context.today,
          },
        },
      );
    case 'eligible':
      return propose(claim, command, context, assessment, input);
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/** The sponsor paid, or the grace ran out: end the wait one way or the other. */
export function reassessPendingClaim(
  state: ClaimState,
  command: ReassessPendingClaim,
  context: ClaimDecisionContext,
): ClaimDecision {
  if (state.status !== 'pending-contribution') {
    return rejectWith(
      'CLAIM_NOT_PENDING_CONTRIBUTION',
      `the claim is ${state.status}, not waiting for a contribution`,
    );
  }
  const { file } = state;
  const used = decisionIdUsed(file, command.decisionId);
  if (used !== null) return used;
  const problem = checkClaimFacts(file, command.facts, context.today);
  if (problem !== null) return rejectWith(problem.code, problem.message, problem.details);
  const assessment = assessEligibility(policyInput(file, command.facts, context));
  const outcome = assessment.outcome;
  switch (outcome.kind) {
    case 'ineligible':
      return ineligible(
        file,
        command.decisionId,
        command.actorId,
        context.today,
        assessment,
        outcome.reasons,
      );
    case 'eligible':
      return accept(assessed(file, command.actorId, context.today, assessment, 'eligible'));
    case 'pending-contribution':
    case 'awaiting-work-accident-decision':
      return accept();
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}
