import type {
  BankAccount,
  Claimant,
  ClaimApproved,
  ClaimDecisionProposed,
  ClaimDocumentCode,
  ClaimRejected,
  ClaimRejectionProposed,
  ClaimsEventOf,
  IsoDate,
  IsoMonth,
} from '@santunan/contracts';
import type { ClaimUnderAssessment } from '../policies/claim-under-assessment';
import { SLA_CLOCK_NOT_STARTED, type SlaClock } from '../sla/sla-clock';

export const CLAIM_EVENT_TYPES = [
  'JkkClaimSubmitted',
  'JkmClaimSubmitted',
  'ClaimDocumentReceived',
  'ClaimDocumentsRequested',
  'ClaimDocumentsCompleted',
  'ClaimEligibilityAssessed',
  'ClaimPendingContribution',
  'ClaimDecisionProposed',
  'ClaimDecisionSentBack',
  'ClaimRejectionProposed',
  'ClaimApproved',
  'ClaimRejected',
  'ClaimReopened',
] as const;
export type ClaimEventType = (typeof CLAIM_EVENT_TYPES)[number];
/** The events of one claim stream (`claim-<claimId>`). */
export type ClaimEvent = ClaimsEventOf<ClaimEventType>;

export interface ReceivedDocument {
  readonly document: ClaimDocumentCode;
  readonly reference: string;
  readonly receivedOn: IsoDate;
}

export interface OutstandingRequest {
  readonly document: ClaimDocumentCode;
  readonly requestedOn: IsoDate;
}

export interface ClaimDocuments {
  readonly required: readonly ClaimDocumentCode[];
  readonly received: readonly ReceivedDocument[];
  /** Requested documents not yet received since the request. */
  readonly outstanding: readonly OutstandingRequest[];
  readonly complete: boolean;
}

/** What every claim carries from its submission on: what the policies assess, and more. */
export interface ClaimFile extends ClaimUnderAssessment {
  readonly trafficAccident: boolean;
  readonly paymentAccount: BankAccount | null;
  readonly claimant: Claimant;
  readonly documents: ClaimDocuments;
  readonly clock: SlaClock;
  /** Every decision id ever used on this claim (proposals included): ids are never reused. */
  readonly decisionIds: readonly string[];
  /** The last decision that took effect (approved or rejected): a new one supersedes it. */
  readonly lastDecisionId: string | null;
}

export interface PendingContribution {
  readonly month: IsoMonth;
  readonly programId: string;
  readonly graceEndsOn: IsoDate;
  readonly since: IsoDate;
}

/** Each state its own type: what can happen next depends on it. */
export type ClaimState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly file: ClaimFile }
  | {
      readonly status: 'pending-contribution';
      readonly file: ClaimFile;
      readonly pending: PendingContribution;
    }
  | {
      readonly status: 'awaiting-checker';
      readonly file: ClaimFile;
      readonly proposalKind: 'approval';
      readonly proposal: ClaimDecisionProposed;
    }
  | {
      readonly status: 'awaiting-checker';
      readonly file: ClaimFile;
      readonly proposalKind: 'rejection';
      readonly proposal: ClaimRejectionProposed;
      /** The wait for a sponsor the proposal interrupted: a send-back resumes it. */
      readonly interruptedWait: PendingContribution | null;
    }
  | { readonly status: 'approved'; readonly file: ClaimFile; readonly decision: ClaimApproved }
  | { readonly status: 'rejected'; readonly file: ClaimFile; readonly decision: ClaimRejected };

export type ClaimOnFile = Exclude<ClaimState, { status: 'none' }>;

/** What a checker has before them: an approval (a benefit to pay) or a rejection. */
export type ProposalKind = Extract<ClaimState, { status: 'awaiting-checker' }>['proposalKind'];

export const initialClaimState = (): ClaimState => ({ status: 'none' });

function newFile(
  data: ClaimsEventOf<'JkkClaimSubmitted' | 'JkmClaimSubmitted'>['data'],
  fields: Pick<
    ClaimFile,
    | 'program'
    | 'incidentDate'
    | 'benefits'
    | 'trafficAccident'
    | 'accidentReportId'
    | 'paymentAccount'
    | 'dateOfDeath'
  >,
): ClaimFile {
  return {
    ...fields,
    claimId: data.claimId,
    participantId: data.participantId,
    benefitType: data.benefitType,
    claimDate: data.submittedOn,
    claimant: data.claimant,
    documents: { required: data.requiredDocuments, received: [], outstanding: [], complete: false },
    clock: SLA_CLOCK_NOT_STARTED,
    decisionIds: [],
    lastDecisionId: null,
  };
}

function closePauses(
  clock: SlaClock,
  reason: SlaClock['pauses'][number]['reason'],
  on: IsoDate,
): SlaClock {
  return {
    ...clock,
    pauses: clock.pauses.map((pause) =>
      pause.until === null && pause.reason === reason ? { ...pause, until: on } : pause,
    ),
  };
}

/** The file once a decision is final: a confirmed proposal keeps the id it was proposed under. */
function decidedUnder(file: ClaimFile, decisionId: string): ClaimFile {
  return {
    ...file,
    decisionIds: file.decisionIds.includes(decisionId)
      ? file.decisionIds
      : [...file.decisionIds, decisionId],
    lastDecisionId: decisionId,
  };
}

function withFile(state: ClaimOnFile, file: ClaimFile): ClaimOnFile {
  return { ...state, file };
}

export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  if (event.type === 'JkkClaimSubmitted') {
    const data = event.data;
    return {
      status: 'open',
      file: newFile(data, {
        program: 'jkk',
        incidentDate: data.incidentDate,
        dateOfDeath: data.dateOfDeath,
        benefits: data.benefits,
        trafficAccident: data.trafficAccident,
        accidentReportId: data.accidentReportId,
        paymentAccount: data.paymentAccount,
      }),
    };
  }
  if (event.type === 'JkmClaimSubmitted') {
    const data = event.data;
    return {
      status: 'open',
      file: newFile(data, {
        program: 'jkm',
        incidentDate: data.dateOfDeath,
        dateOfDeath: data.dateOfDeath,
        benefits: [],
        trafficAccident: false,
        accidentReportId: null,
        paymentAccount: null,
      }),
    };
  }
  if (state.status === 'none') return state;
  const file = state.file;
  switch (event.type) {
    case 'ClaimDocumentReceived': {
      const { document, reference, receivedOn } = event.data;
      return withFile(state, {
        ...file,
        documents: {
          ...file.documents,
          received: [...file.documents.received, { document, reference, receivedOn }],
          outstanding: file.documents.outstanding.filter(
            (request) => !(request.document === document && request.requestedOn <= receivedOn),
          ),
        },
      });
    }
    case 'ClaimDocumentsRequested': {
      const { documents, requestedOn, slaClockPaused } = event.data;
      const required = [
        ...file.documents.required,
        ...documents.filter((d) => !file.documents.required.includes(d)),
      ];
      return withFile(state, {
        ...file,
        documents: {
          ...file.documents,
          required,
          outstanding: [
            ...file.documents.outstanding.filter(
              (request) => !documents.includes(request.document),
            ),
            ...documents.map((document) => ({ document, requestedOn })),
          ],
          complete: false,
        },
        clock: slaClockPaused
          ? {
              ...file.clock,
              pauses: [
                ...file.clock.pauses,
                { from: requestedOn, until: null, reason: 'documents-requested' },
              ],
            }
          : file.clock,
      });
    }
    case 'ClaimDocumentsCompleted': {
      const { completedOn, slaClock } = event.data;
      return withFile(state, {
        ...file,
        documents: { ...file.documents, complete: true },
        clock:
          slaClock === 'started'
            ? { startedOn: completedOn, pauses: [] }
            : closePauses(file.clock, 'documents-requested', completedOn),
      });
    }
    case 'ClaimEligibilityAssessed': {
      const { outcome, assessedOn } = event.data;
      if (state.status !== 'pending-contribution' || outcome === 'pending-contribution')
        return state;
      // The wait for the sponsor is over: the clock runs again from this assessment.
      return {
        status: 'open',
        file: { ...file, clock: closePauses(file.clock, 'pending-contribution', assessedOn) },
      };
    }
    case 'ClaimPendingContribution': {
      const { month, programId, graceEndsOn, since } = event.data;
      const clock =
        file.clock.startedOn === null
          ? file.clock
          : {
              ...file.clock,
              pauses: [
                ...file.clock.pauses,
                { from: since, until: null, reason: 'pending-contribution' as const },
              ],
            };
      return {
        status: 'pending-contribution',
        file: { ...file, clock },
        pending: { month, programId, graceEndsOn, since },
      };
    }
    case 'ClaimDecisionProposed':
      return {
        status: 'awaiting-checker',
        file: { ...file, decisionIds: [...file.decisionIds, event.data.decisionId] },
        proposalKind: 'approval',
        proposal: event.data,
      };
    case 'ClaimRejectionProposed':
      return {
        status: 'awaiting-checker',
        file: { ...file, decisionIds: [...file.decisionIds, event.data.decisionId] },
        proposalKind: 'rejection',
        proposal: event.data,
        interruptedWait: state.status === 'pending-contribution' ? state.pending : null,
      };
    case 'ClaimDecisionSentBack':
      // A rejection proposed while waiting for a sponsor goes back to waiting, clock paused.
      return state.status === 'awaiting-checker' &&
        state.proposalKind === 'rejection' &&
        state.interruptedWait !== null
        ? { status: 'pending-contribution', file, pending: state.interruptedWait }
        : { status: 'open', file };
    case 'ClaimApproved':
      return {
        status: 'approved',
        file: decidedUnder(file, event.data.decisionId),
        decision: event.data,
      };
    case 'ClaimRejected':
      return {
        status: 'rejected',
        file: decidedUnder(file, event.data.decisionId),
        decision: event.data,
      };
    case 'ClaimReopened':
      // A new decision gets a fresh payment clock from the reopening, when the file is complete.
      return {
        status: 'open',
        file: {
          ...file,
          clock: file.documents.complete
            ? { startedOn: event.data.reopenedOn, pauses: [] }
            : SLA_CLOCK_NOT_STARTED,
        },
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
