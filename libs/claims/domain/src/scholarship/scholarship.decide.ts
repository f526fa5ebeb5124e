import type {
  ScholarshipEndedForChild,
  ScholarshipEntitlementRefused,
  ScholarshipInstalmentProposed,
  ScholarshipInstalmentRecord,
} from '@santunan/contracts';
import { accept, isIsoDate, rejectWith, type Decision } from '@santunan/domain-kernel';
import {
  childConditions,
  scholarshipInstalment,
  scholarshipYearOf,
  selectScholarshipChildren,
  type ScholarshipNotPayableCode,
} from '@santunan/rules';
import { checkerRequirement, isValidThreshold, sameActor } from '../decision/maker-checker';
import { scholarshipDocuments } from '../documents/checklist';
import { scholarshipRouteOf } from '../policies/claim-under-assessment';
import { ruleDate } from '../shared/dates';
import type {
  ApproveScholarshipInstalment,
  DecideScholarshipApplication,
  EndScholarshipForChild,
  GrantScholarshipEntitlement,
  ScholarshipCommand,
  ScholarshipDecisionContext,
  SendBackScholarshipInstalment,
} from './scholarship.commands';
import type { ChildLedger, ScholarshipEvent, ScholarshipState } from './scholarship.state';

export type ScholarshipRejectionCode =
  | 'ENTITLEMENT_ALREADY_DECIDED'
  | 'NO_SCHOLARSHIP_ROUTE'
  | 'CHILDREN_NOT_SELECTABLE'
  | 'ENTITLEMENT_NOT_GRANTED'
  | 'CHILD_NOT_IN_ENTITLEMENT'
  | 'SCHOLARSHIP_ENDED_FOR_CHILD'
  | 'INSTALMENT_PENDING'
  | 'APPLICATION_ALREADY_DECIDED'
  | 'DATE_INVALID'
  | 'APPLICATION_DATE_IN_FUTURE'
  | 'SCHOOL_YEAR_MISMATCH'
  | 'SCHOLARSHIP_DOCUMENTS_INCOMPLETE'
  | 'INSTALMENT_NOT_COMPUTABLE'
  | 'MAKER_CHECKER_THRESHOLD_INVALID'
  | 'NO_INSTALMENT_PROPOSED'
  | 'MAKER_CHECKER_SAME_PERSON'
  | 'REASON_REQUIRED'
  | 'AGE_LIMIT_NOT_REACHED';

export type ScholarshipDecision = Decision<ScholarshipEvent, ScholarshipRejectionCode>;

/** The child conditions whose failure ends the scholarship for good (rules reference §4). */
const ENDING: Partial<Record<ScholarshipNotPayableCode, ScholarshipEndedForChild['reason']>> = {
  CHILD_AGE_LIMIT_REACHED: 'age-limit',
  CHILD_MARRIED: 'married',
  CHILD_WORKING: 'working',
};

function grant(
  state: ScholarshipState,
  command: GrantScholarshipEntitlement,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  const { decision } = command;
  if (state.status !== 'none') {
    const decided =
      state.status === 'granted' ? state.entitlement.decisionId : state.refusal.decisionId;
    return decided === decision.decisionId
      ? accept()
      : rejectWith('ENTITLEMENT_ALREADY_DECIDED', `the entitlement follows decision ${decided}`);
  }
  const outcome = decision.scholarship;
  if (outcome.kind === 'not-applicable') {
    return rejectWith(
      'NO_SCHOLARSHIP_ROUTE',
      `decision ${decision.decisionId} (${decision.benefitType}) opens no scholarship`,
    );
  }
  const route = outcome.kind === 'none' ? scholarshipRouteOf(decision.benefitType) : outcome.route;
  if (route === null)
    return rejectWith('NO_SCHOLARSHIP_ROUTE', `${decision.benefitType} opens no scholarship`);
  const base = {
    entitlementId: command.entitlementId,
    participantId: decision.participantId,
    claimId: decision.claimId,
    decisionId: decision.decisionId,
    route,
  };
  const refuse = (
    code: ScholarshipEntitlementRefused['code'],
    message: string,
  ): ScholarshipDecision =>
    accept({
      type: 'ScholarshipEntitlementRefused',
      data: { ...base, code, message, refusedOn: context.today, refusedBy: command.officerId },
    });
  switch (outcome.kind) {
    case 'none':
      return refuse(outcome.reason, outcome.message);
    case 'flat-once':
      return refuse(
        'FLAT_SCHOLARSHIP_PAID_WITH_BENEFIT',
        `${decision.ruleSetId} paid one flat scholarship with the benefit (Rp${outcome.amount}); no yearly instalments follow`,
      );
    case 'yearly-by-level':
      break;
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
  const selection = selectScholarshipChildren({
    incidentDate: decision.inputs.incidentDate,
    children: outcome.registeredChildren.map((child) => ({
      id: child.childId,
      registeredOn: child.registeredOn,
    })),
  });
  if (!selection.ok) return rejectWith('CHILDREN_NOT_SELECTABLE', selection.error.message);
  const selected = new Set(selection.value.selected.map((child) => child.id));
  const children = outcome.registeredChildren.filter((child) => selected.has(child.childId));
  if (children.length === 0) {
    return refuse(
      'NO_REGISTERED_CHILD',
      'no child was registered for the scholarship on or before the incident date',
    );
  }
  return accept({
    type: 'ScholarshipEntitlementGranted',
    data: {
      ...base,
      incidentDate: decision.inputs.incidentDate,
      masaIurMonths: route === 'jkm-death' ? decision.inputs.masaIurMonths : null,
      ruleSetId: decision.ruleSetId,
      maxChildren: outcome.maxChildren,
      perChildMax: outcome.perChildMax,
      children,
      excludedChildren: selection.value.excluded.map(({ child, reason }) => ({
        childId: child.id,
        reason,
      })),
      grantedOn: context.today,
      grantedBy: command.officerId,
    },
  });
}

type Granted = Extract<ScholarshipState, { status: 'granted' }>;

function ledgerOf(
  state: ScholarshipState,
  childId: string,
): { granted: Granted; ledger: ChildLedger } | ScholarshipDecision {
  if (state.status !== 'granted') {
    return rejectWith(
      'ENTITLEMENT_NOT_GRANTED',
      state.status === 'refused' ? state.refusal.message : 'no scholarship entitlement',
    );
  }
  const ledger = state.children.find((candidate) => candidate.child.childId === childId);
  if (ledger === undefined) {
    const excluded = state.entitlement.excludedChildren.find((child) => child.childId === childId);
    return rejectWith(
      'CHILD_NOT_IN_ENTITLEMENT',
      excluded === undefined
        ? `child ${childId} is not covered by this entitlement`
        : `child ${childId} is excluded from this entitlement (${excluded.reason})`,
      { childId, exclusion: excluded?.reason ?? null },
    );
  }
  return { granted: state, ledger };
}

function isDecision(value: object): value is ScholarshipDecision {
  return 'ok' in value;
}

function decideApplication(
  state: ScholarshipState,
  command: DecideScholarshipApplication,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  const found = ledgerOf(state, command.childId);
  if (isDecision(found)) return found;
  const { granted, ledger } = found;
  if (ledger.ended !== null) {
    return rejectWith(
      'SCHOLARSHIP_ENDED_FOR_CHILD',
      `the scholarship ended on ${ledger.ended.endedOn} (${ledger.ended.reason})`,
    );
  }
  if (ledger.pending !== null) {
    return rejectWith(
      'INSTALMENT_PENDING',
      `application ${ledger.pending.applicationId} awaits its checker`,
    );
  }
  if (granted.applicationIds.includes(command.applicationId)) {
    return rejectWith(
      'APPLICATION_ALREADY_DECIDED',
      `application ${command.applicationId} is decided`,
    );
  }
  if (!isValidThreshold(context.makerCheckerThreshold)) {
    return rejectWith(
      'MAKER_CHECKER_THRESHOLD_INVALID',
      'the maker–checker threshold must be a whole positive number of rupiah',
    );
  }
  if (!isIsoDate(command.applicationDate))
    return rejectWith('DATE_INVALID', 'the application date must be YYYY-MM-DD');
  if (command.applicationDate > context.today) {
    return rejectWith(
      'APPLICATION_DATE_IN_FUTURE',
      `the application date ${command.applicationDate} is after today`,
    );
  }
  const scholarshipYear = scholarshipYearOf(ruleDate(command.applicationDate));
  if (command.schoolYear !== scholarshipYear) {
    return rejectWith(
      'SCHOOL_YEAR_MISMATCH',
      `an application on ${command.applicationDate} is for ${scholarshipYear}, not ${command.schoolYear}`,
    );
  }
  const firstYearAtSchool = command.level === 'TK-SD' && ledger.payments.length === 0;
  const provided = new Set(
    command.documents.filter((doc) => doc.reference.trim() !== '').map((doc) => doc.code),
  );
  const missing = scholarshipDocuments(firstYearAtSchool).filter((code) => !provided.has(code));
  if (missing.length > 0 || command.enrolment.evidenceReference.trim() === '') {
    return rejectWith(
      'SCHOLARSHIP_DOCUMENTS_INCOMPLETE',
      `documents missing: ${missing.join(', ') || 'proof of enrolment'}`,
      { missing },
    );
  }
  const { entitlement } = granted;
  const assessed = scholarshipInstalment({
    incidentDate: entitlement.incidentDate,
    route: entitlement.route,
    ...(entitlement.masaIurMonths === null ? {} : { masaIurMonths: entitlement.masaIurMonths }),
    applicationDate: command.applicationDate,
    child: {
      birthDate: ledger.child.birthDate,
      married: command.child.married,
      work: command.child.work,
      registered: true,
    },
    level: command.level,
    previousPayments: ledger.payments.map(({ scholarshipYear: year, level, amount }) => ({
      scholarshipYear: year,
      level,
      amount,
    })),
  });
  if (!assessed.ok)
    return rejectWith('INSTALMENT_NOT_COMPUTABLE', assessed.error.message, {
      ruleError: assessed.error.code,
    });
  const decision = assessed.value;
  if (decision.kind === 'not-payable') {
    const events: ScholarshipEvent[] = [
      {
        type: 'ScholarshipInstalmentRefused',
        data: {
          entitlementId: entitlement.entitlementId,
          participantId: entitlement.participantId,
          applicationId: command.applicationId,
          childId: command.childId,
          applicationDate: command.applicationDate,
          scholarshipYear,
          level: command.level,
          reasons: decision.reasons.map(({ code, message }) => ({ code, message })),
          refusedBy: command.officerId,
          refusedOn: context.today,
        },
      },
    ];
    const ending = decision.reasons
      .map((reason) => ENDING[reason.code])
      .find((reason) => reason !== undefined);
    if (ending !== undefined) {
      events.push({
        type: 'ScholarshipEndedForChild',
        data: {
          entitlementId: entitlement.entitlementId,
          participantId: entitlement.participantId,
          childId: command.childId,
          reason: ending,
          endedOn: command.applicationDate,
          recordedBy: command.officerId,
        },
      });
    }
    return accept(...events);
  }
  const record: ScholarshipInstalmentRecord = {
    entitlementId: entitlement.entitlementId,
    participantId: entitlement.participantId,
    claimId: entitlement.claimId,
    applicationId: command.applicationId,
    childId: command.childId,
    applicationDate: command.applicationDate,
    scholarshipYear: decision.scholarshipYear,
    level: command.level,
    enrolment: command.enrolment,
    documents: command.documents,
    childConditionsRuleSetId: decision.childConditionsRuleSetId,
    ruleSetId: decision.ruleSetId,
    explanation: decision.explanation,
    amount: decision.explanation.total,
    payee: { kind: 'scholarship-account', childId: command.childId, ...command.payee },
  };
  const checker = checkerRequirement({
    benefitType: 'scholarship-instalment',
    total: record.amount,
    threshold: context.makerCheckerThreshold,
  });
  if (checker.required) {
    return accept({
      type: 'ScholarshipInstalmentProposed',
      data: {
        ...record,
        proposedBy: command.officerId,
        proposedOn: context.today,
        checkerReasons: checker.reasons,
      },
    });
  }
  return accept({
    type: 'ScholarshipInstalmentApproved',
    data: {
      ...record,
      approval: {
        mode: 'single-actor',
        makerId: command.officerId,
        checkerId: null,
        proposedOn: context.today,
        approvedOn: context.today,
      },
    },
  });
}

/** The proposal awaiting a checker for the application; the checker must not be its maker. */
function proposalForChecker(
  state: ScholarshipState,
  applicationId: string,
  checkerId: string,
): ScholarshipInstalmentProposed | ScholarshipDecision {
  if (state.status !== 'granted')
    return rejectWith('ENTITLEMENT_NOT_GRANTED', 'no scholarship entitlement');
  const proposal = state.children
    .map((ledger) => ledger.pending)
    .find((p) => p?.applicationId === applicationId);
  if (proposal !== undefined && proposal !== null) {
    return sameActor(proposal.proposedBy, checkerId)
      ? rejectWith(
          'MAKER_CHECKER_SAME_PERSON',
          'the checker must be another person than the maker',
          { makerId: proposal.proposedBy },
        )
      : proposal;
  }
  return state.applicationIds.includes(applicationId)
    ? rejectWith('APPLICATION_ALREADY_DECIDED', `application ${applicationId} is decided`)
    : rejectWith(
        'NO_INSTALMENT_PROPOSED',
        `no proposal awaits a checker for application ${applicationId}`,
      );
}

function approveInstalment(
  state: ScholarshipState,
  command: ApproveScholarshipInstalment,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  const proposal = proposalForChecker(state, command.applicationId, command.supervisorId);
  if (isDecision(proposal)) return proposal;
  const { proposedBy, proposedOn, checkerReasons: _reasons, ...record } = proposal;
  return accept({
    type: 'ScholarshipInstalmentApproved',
    data: {
      ...record,
      approval: {
        mode: 'maker-checker',
        makerId: proposedBy,
        checkerId: command.supervisorId,
        proposedOn,
        approvedOn: context.today,
      },
    },
  });
}

function sendBackInstalment(
  state: ScholarshipState,
  command: SendBackScholarshipInstalment,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  const proposal = proposalForChecker(state, command.applicationId, command.supervisorId);
  if (isDecision(proposal)) return proposal;
  if (command.reason.trim() === '')
    return rejectWith('REASON_REQUIRED', 'say why the proposal goes back');
  return accept({
    type: 'ScholarshipInstalmentSentBack',
    data: {
      entitlementId: proposal.entitlementId,
      participantId: proposal.participantId,
      applicationId: proposal.applicationId,
      childId: proposal.childId,
      sentBackBy: command.supervisorId,
      sentBackOn: context.today,
      reason: command.reason,
    },
  });
}

function endForChild(
  state: ScholarshipState,
  command: EndScholarshipForChild,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  const found = ledgerOf(state, command.childId);
  if (isDecision(found)) return found;
  const { granted, ledger } = found;
  if (ledger.ended !== null) return accept();
  if (ledger.pending !== null) {
    return rejectWith(
      'INSTALMENT_PENDING',
      `application ${ledger.pending.applicationId} awaits its checker`,
    );
  }
  if (!isIsoDate(command.endedOn) || command.endedOn > context.today) {
    return rejectWith('DATE_INVALID', `the scholarship cannot end on ${command.endedOn}`);
  }
  if (command.reason === 'age-limit') {
    // The age limit is rule data (23): ask the rules library whether it is reached on that day.
    const conditions = childConditions({
      applicationDate: command.endedOn,
      child: {
        birthDate: ledger.child.birthDate,
        married: false,
        work: { kind: 'not-working' },
        registered: true,
      },
    });
    if (
      !conditions.ok ||
      !conditions.value.failures.some((failure) => failure.code === 'CHILD_AGE_LIMIT_REACHED')
    ) {
      return rejectWith(
        'AGE_LIMIT_NOT_REACHED',
        `child ${command.childId} has not reached the age limit on ${command.endedOn}`,
      );
    }
  }
  return accept({
    type: 'ScholarshipEndedForChild',
    data: {
      entitlementId: granted.entitlement.entitlementId,
      participantId: granted.entitlement.participantId,
      childId: command.childId,
      reason: command.reason,
      endedOn: command.endedOn,
      recordedBy: command.officerId,
    },
  });
}

/** The scholarship entitlement decider: the grant, each child's yearly instalments, the end. */
export function decideScholarship(
  command: ScholarshipCommand,
  state: ScholarshipState,
  context: ScholarshipDecisionContext,
): ScholarshipDecision {
  switch (command.type) {
    case 'GrantScholarshipEntitlement':
      return grant(state, command, context);
    case 'DecideScholarshipApplication':
      return decideApplication(state, command, context);
    case 'ApproveScholarshipInstalment':
      return approveInstalment(state, command, context);
    case 'SendBackScholarshipInstalment':
      return sendBackInstalment(state, command, context);
    case 'EndScholarshipForChild':
      return endForChild(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
