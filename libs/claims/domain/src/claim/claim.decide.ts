import type { ClaimDocumentCode, JkkBenefitKind, JkkBenefitLine } from '@santunan/contracts';
import { accept, isIsoDate, rejectWith } from '@santunan/domain-kernel';
import { sameActor } from '../decision/maker-checker';
import { requiredDocuments } from '../documents/checklist';
import { jkkBenefitType } from '../policies/claim-under-assessment';
import { maxDate } from '../shared/dates';
import { approvalOf, proposeDecision, reassessPendingClaim, slaRecord } from './claim-proposal';
import {
  confirmRejection,
  proposeRejection,
  rejectProposal,
  type AwaitingChecker,
} from './claim-rejection';
import type {
  ApproveClaimDecision,
  ClaimCommand,
  ClaimDecisionContext,
  RecordClaimDocument,
  RejectClaimDecision,
  ReopenClaim,
  RequestClaimDocuments,
  SendBackClaimDecision,
  SubmitJkkClaim,
  SubmitJkmClaim,
} from './claim.commands';
import type { ClaimDecision } from './claim.rejections';
import { evolveClaim, type ClaimEvent, type ClaimFile, type ClaimState } from './claim.state';

/** One STMB line covers the whole incapacity; a claim pays a death or a CTT, not both. */
const ONCE_PER_CLAIM: readonly JkkBenefitKind[] = ['stmb', 'total-permanent-disability', 'death'];

function benefitLinesProblem(benefits: readonly JkkBenefitLine[]): string | null {
  for (const kind of ONCE_PER_CLAIM) {
    if (benefits.filter((line) => line.kind === kind).length > 1)
      return `a claim may ask for ${kind} once`;
  }
  const kinds = benefits.map((line) => line.kind);
  if (kinds.includes('death') && kinds.includes('total-permanent-disability')) {
    return 'a claim asks for death or total permanent disability, not both';
  }
  return null;
}

function lodgedOn(command: { readonly lodgedOn?: string }, context: ClaimDecisionContext): string {
  return command.lodgedOn ?? context.today;
}

function submitJkk(
  state: ClaimState,
  command: SubmitJkkClaim,
  context: ClaimDecisionContext,
): ClaimDecision {
  const report = command.accidentReport;
  if (state.status !== 'none') {
    const same =
      state.file.accidentReportId === report.reportId &&
      JSON.stringify(state.file.benefits) === JSON.stringify(command.benefits);
    return same
      ? accept()
      : rejectWith('CLAIM_ALREADY_SUBMITTED', `claim ${state.file.claimId} exists`);
  }
  const claimDate = lodgedOn(command, context);
  if (!isIsoDate(claimDate) || !isIsoDate(report.incidentDate)) {
    return rejectWith('DATE_INVALID', 'the incident and lodging dates must be YYYY-MM-DD dates');
  }
  if (report.incidentDate > context.today) {
    return rejectWith(
      'INCIDENT_DATE_IN_FUTURE',
      `the incident date ${report.incidentDate} is after today`,
    );
  }
  if (report.participantId !== command.participantId) {
    return rejectWith(
      'ACCIDENT_REPORT_OF_ANOTHER_PARTICIPANT',
      `report ${report.reportId} is about another participant`,
    );
  }
  if (report.status === 'refuted') {
    return rejectWith(
      'NOT_A_WORK_ACCIDENT',
      `report ${report.reportId} was found not to be a work accident`,
    );
  }
  if (claimDate > context.today || claimDate < report.incidentDate) {
    return rejectWith('LODGED_DATE_INVALID', `the claim cannot be lodged on ${claimDate}`);
  }
  if (command.benefits.length === 0)
    return rejectWith('NO_BENEFIT_CLAIMED', 'the claim asks for no benefit');
  const linesProblem = benefitLinesProblem(command.benefits);
  if (linesProblem !== null) return rejectWith('BENEFIT_LINES_INVALID', linesProblem);
  const benefitType = jkkBenefitType(command.benefits);
  const death = benefitType === 'jkk-death';
  if (death !== (command.dateOfDeath !== null)) {
    return rejectWith(
      'DEATH_DATE_INVALID',
      'a date of death goes with a death line, and only with one',
    );
  }
  if (
    command.dateOfDeath !== null &&
    (!isIsoDate(command.dateOfDeath) ||
      command.dateOfDeath < report.incidentDate ||
      command.dateOfDeath > context.today)
  ) {
    return rejectWith(
      'DEATH_DATE_INVALID',
      `the date of death ${command.dateOfDeath} is not possible`,
    );
  }
  if (death && command.claimant.kind === 'participant') {
    return rejectWith(
      'CLAIMANT_INVALID',
      'a death benefit is claimed by an heir or whoever arranged the burial',
    );
  }
  if (!death && command.claimant.kind === 'burial-arranger') {
    return rejectWith('CLAIMANT_INVALID', 'only a death claim is lodged by a burial arranger');
  }
  return accept({
    type: 'JkkClaimSubmitted',
    data: {
      claimId: command.claimId,
      participantId: command.participantId,
      accidentReportId: report.reportId,
      incidentDate: report.incidentDate,
      trafficAccident: report.trafficAccident,
      dateOfDeath: command.dateOfDeath,
      benefits: command.benefits,
      benefitType,
      paymentAccount: command.paymentAccount,
      claimant: command.claimant,
      submittedOn: claimDate,
      submittedBy: command.officerId,
      requiredDocuments: requiredDocuments({
        program: 'jkk',
        benefits: command.benefits,
        trafficAccident: report.trafficAccident,
        claimant: command.claimant,
      }),
    },
  });
}

function submitJkm(
  state: ClaimState,
  command: SubmitJkmClaim,
  context: ClaimDecisionContext,
): ClaimDecision {
  if (state.status !== 'none') {
    return state.file.program === 'jkm' && state.file.dateOfDeath === command.dateOfDeath
      ? accept()
      : rejectWith('CLAIM_ALREADY_SUBMITTED', `claim ${state.file.claimId} exists`);
  }
  const claimDate = lodgedOn(command, context);
  if (!isIsoDate(claimDate) || !isIsoDate(command.dateOfDeath)) {
    return rejectWith('DATE_INVALID', 'the dates must be YYYY-MM-DD dates');
  }
  if (command.dateOfDeath > context.today) {
    return rejectWith(
      'INCIDENT_DATE_IN_FUTURE',
      `the date of death ${command.dateOfDeath} is after today`,
    );
  }
  if (claimDate > context.today || claimDate < command.dateOfDeath) {
    return rejectWith('LODGED_DATE_INVALID', `the claim cannot be lodged on ${claimDate}`);
  }
  if (command.claimant.kind === 'participant') {
    return rejectWith(
      'CLAIMANT_INVALID',
      'a death benefit is claimed by an heir or whoever arranged the burial',
    );
  }
  return accept({
    type: 'JkmClaimSubmitted',
    data: {
      claimId: command.claimId,
      participantId: command.participantId,
      dateOfDeath: command.dateOfDeath,
      benefitType: 'jkm-death',
      claimant: command.claimant,
      submittedOn: claimDate,
      submittedBy: command.officerId,
      requiredDocuments: requiredDocuments({
        program: 'jkm',
        benefits: [],
        trafficAccident: false,
        claimant: command.claimant,
      }),
    },
  });
}

/** Documents can be added or asked for until a decision is proposed. */
function fileBeforeProposal(state: ClaimState): ClaimFile | ClaimDecision {
  switch (state.status) {
    case 'none':
      return rejectWith('CLAIM_NOT_FOUND', 'no claim with this id');
    case 'awaiting-checker':
      return rejectWith(
        'DECISION_ALREADY_PROPOSED',
        'send the proposal back before changing the documents',
      );
    case 'approved':
    case 'rejected':
      return rejectWith('CLAIM_ALREADY_DECIDED', 'the claim is decided', {
        decisionId: state.decision.decisionId,
      });
    case 'open':
    case 'pending-contribution':
      return state.file;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}

function isDecision(value: ClaimFile | ClaimDecision): value is ClaimDecision {
  return 'ok' in value;
}

function isComplete(file: ClaimFile): boolean {
  const received = new Set(file.documents.received.map((doc) => doc.document));
  return (
    file.documents.outstanding.length === 0 &&
    file.documents.required.every((code) => received.has(code))
  );
}

function recordDocument(
  state: ClaimState,
  command: RecordClaimDocument,
  context: ClaimDecisionContext,
): ClaimDecision {
  const file = fileBeforeProposal(state);
  if (isDecision(file)) return file;
  if (command.reference.trim() === '')
    return rejectWith('DOCUMENT_REFERENCE_MISSING', 'a document needs its reference');
  if (
    !isIsoDate(command.receivedOn) ||
    command.receivedOn > context.today ||
    command.receivedOn < file.claimDate
  ) {
    return rejectWith(
      'DOCUMENT_DATE_INVALID',
      `a document cannot be received on ${command.receivedOn}`,
    );
  }
  const known = file.documents.received.some(
    (doc) => doc.document === command.document && doc.reference === command.reference,
  );
  if (known) return accept();
  const request = file.documents.outstanding.find((r) => r.document === command.document);
  if (request !== undefined && command.receivedOn < request.requestedOn) {
    return rejectWith(
      'DOCUMENT_DATE_INVALID',
      `${command.document} was requested on ${request.requestedOn}, after ${command.receivedOn}`,
    );
  }
  const received: ClaimEvent = {
    type: 'ClaimDocumentReceived',
    data: {
      claimId: file.claimId,
      participantId: file.participantId,
      document: command.document,
      reference: command.reference,
      receivedOn: command.receivedOn,
      recordedBy: command.officerId,
    },
  };
  const after = evolveClaim(state, received);
  if (after.status === 'none' || file.documents.complete || !isComplete(after.file))
    return accept(received);
  // Complete on the day the last required document arrived: the payment clock starts (or resumes).
  const completedOn =
    maxDate(
      after.file.documents.received
        .filter((doc) => after.file.documents.required.includes(doc.document))
        .map((doc) => doc.receivedOn),
    ) ?? command.receivedOn;
  return accept<ClaimEvent>(received, {
    type: 'ClaimDocumentsCompleted',
    data: {
      claimId: file.claimId,
      participantId: file.participantId,
      completedOn,
      slaClock: file.clock.startedOn === null ? 'started' : 'resumed',
    },
  });
}

function requestDocuments(
  state: ClaimState,
  command: RequestClaimDocuments,
  context: ClaimDecisionContext,
): ClaimDecision {
  const file = fileBeforeProposal(state);
  if (isDecision(file)) return file;
  const documents = command.documents.filter((code, index, all) => all.indexOf(code) === index);
  if (documents.length === 0)
    return rejectWith('DOCUMENTS_REQUEST_EMPTY', 'name the documents requested');
  return accept({
    type: 'ClaimDocumentsRequested',
    data: {
      claimId: file.claimId,
      participantId: file.participantId,
      documents: documents satisfies ClaimDocumentCode[],
      note: command.note,
      requestedOn: context.today,
      requestedBy: command.officerId,
      // Only a running clock pauses: before the file was complete it had not started.
      slaClockPaused: file.documents.complete && file.clock.startedOn !== null,
    },
  });
}

/**
 * The proposal a checker acts on: it must be the one awaiting a checker (the `decisionId` they
 * looked at) and someone else's (maker ≠ checker on actor ids, for every kind of proposal).
 */
function proposalForChecker(
  state: ClaimState,
  decisionId: string,
  checkerId: string,
): AwaitingChecker | ClaimDecision {
  switch (state.status) {
    case 'none':
      return rejectWith('CLAIM_NOT_FOUND', 'no claim with this id');
    case 'approved':
    case 'rejected':
      return rejectWith(
        'CLAIM_ALREADY_DECIDED',
        `the claim was already decided by decision ${state.decision.decisionId}`,
        {
          decisionId: state.decision.decisionId,
          status: state.status,
        },
      );
    case 'open':
    case 'pending-contribution':
      return rejectWith('NO_DECISION_PROPOSED', 'no decision awaits a checker');
    case 'awaiting-checker':
      break;
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
  const { proposal } = state;
  if (proposal.decisionId !== decisionId) {
    return rejectWith(
      'DECISION_NOT_PENDING',
      `decision ${decisionId} is not the one awaiting a checker`,
      {
        pendingDecisionId: proposal.decisionId,
      },
    );
  }
  if (sameActor(proposal.proposedBy, checkerId)) {
    return rejectWith(
      'MAKER_CHECKER_SAME_PERSON',
      'the checker must be another person than the maker',
      {
        makerId: proposal.proposedBy,
      },
    );
  }
  return state;
}

function isAwaitingChecker(value: AwaitingChecker | ClaimDecision): value is AwaitingChecker {
  return 'status' in value;
}

/** The checker agrees with the maker: an approval is paid, a rejection takes effect. */
function approve(
  state: ClaimState,
  command: ApproveClaimDecision,
  context: ClaimDecisionContext,
): ClaimDecision {
  const awaiting = proposalForChecker(state, command.decisionId, command.supervisorId);
  if (!isAwaitingChecker(awaiting)) return awaiting;
  switch (awaiting.proposalKind) {
    case 'rejection':
      return confirmRejection(awaiting, command.supervisorId, context);
    case 'approval': {
      const sla = slaRecord(awaiting.file, context.calendar);
      if (!sla.ok) return rejectWith('SLA_NOT_COMPUTABLE', sla.message);
      return accept({
        type: 'ClaimApproved',
        data: approvalOf(awaiting.proposal, command.supervisorId, context.today, sla.sla),
      });
    }
    default: {
      const _exhaustive: never = awaiting;
      return _exhaustive;
    }
  }
}

function sendBack(
  state: ClaimState,
  command: SendBackClaimDecision,
  context: ClaimDecisionContext,
): ClaimDecision {
  const awaiting = proposalForChecker(state, command.decisionId, command.supervisorId);
  if (!isAwaitingChecker(awaiting)) return awaiting;
  if (command.reason.trim() === '')
    return rejectWith('REASON_REQUIRED', 'say why the proposal goes back');
  return accept({
    type: 'ClaimDecisionSentBack',
    data: {
      claimId: awaiting.file.claimId,
      participantId: awaiting.file.participantId,
      decisionId: command.decisionId,
      sentBackBy: command.supervisorId,
      sentBackOn: context.today,
      reason: command.reason,
    },
  });
}

function rejectDecision(
  state: ClaimState,
  command: RejectClaimDecision,
  context: ClaimDecisionContext,
): ClaimDecision {
  const awaiting = proposalForChecker(state, command.decisionId, command.supervisorId);
  if (!isAwaitingChecker(awaiting)) return awaiting;
  return rejectProposal(awaiting, command, context);
}

function reopen(
  state: ClaimState,
  command: ReopenClaim,
  context: ClaimDecisionContext,
): ClaimDecision {
  if (state.status !== 'approved' && state.status !== 'rejected') {
    return rejectWith('CLAIM_NOT_DECIDED', 'only a decided claim is appealed or corrected');
  }
  if (command.reason.trim() === '')
    return rejectWith('REASON_REQUIRED', 'an appeal or correction needs its reason');
  return accept({
    type: 'ClaimReopened',
    data: {
      claimId: state.file.claimId,
      participantId: state.file.participantId,
      previousDecisionId: state.decision.decisionId,
      kind: command.kind,
      reason: command.reason,
      reopenedBy: command.officerId,
      reopenedOn: context.today,
    },
  });
}

/** The claim decider: a JKK (stage II) or JKM claim, from submission to its decisions. */
export function decideClaim(
  command: ClaimCommand,
  state: ClaimState,
  context: ClaimDecisionContext,
): ClaimDecision {
  switch (command.type) {
    case 'SubmitJkkClaim':
      return submitJkk(state, command, context);
    case 'SubmitJkmClaim':
      return submitJkm(state, command, context);
    case 'RecordClaimDocument':
      return recordDocument(state, command, context);
    case 'RequestClaimDocuments':
      return requestDocuments(state, command, context);
    case 'ProposeClaimDecision':
      return proposeDecision(state, command, context);
    case 'ReassessPendingClaim':
      return reassessPendingClaim(state, command, context);
    case 'ApproveClaimDecision':
      return approve(state, command, context);
    case 'SendBackClaimDecision':
      return sendBack(state, command, context);
    case 'ProposeClaimRejection':
      return proposeRejection(state, command, context);
    case 'RejectClaimDecision':
      return rejectDecision(state, command, context);
    case 'ReopenClaim':
      return reopen(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
