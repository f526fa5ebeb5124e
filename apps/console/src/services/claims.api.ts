import type {
  Approval,
  BankAccount,
  ClaimBenefitType,
  ClaimDecisionProposed,
  ClaimDocumentCode,
  ClaimProgram,
  ClaimRejected,
  Claimant,
  EligibilityCheck,
  JkkBenefitLine,
  SlaRecord,
} from '@santunan/contracts';
import type { ServiceClient, ServiceResult } from './service-client';

// The claims service's HTTP answers as the console reads them (its OpenAPI document at /docs).

export const CLAIM_STATUSES = [
  'open',
  'pending-contribution',
  'awaiting-checker',
  'approved',
  'rejected',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const SLA_FILTERS = ['not-started', 'paused', 'on-time', 'due-soon', 'overdue'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export const QUEUE_SORTS = ['urgency', 'due-date', 'submitted-on'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface WorkQueueItem {
  readonly claimId: string;
  readonly participantId: string;
  readonly regencyCode: string | null;
  readonly program: ClaimProgram;
  readonly benefitType: ClaimBenefitType;
  readonly status: ClaimStatus;
  readonly incidentDate: string;
  readonly dateOfDeath: string | null;
  readonly submittedOn: string;
  readonly submittedBy: string;
  readonly documentsComplete: boolean;
  readonly missingDocuments: readonly ClaimDocumentCode[];
  readonly sla: {
    readonly state: 'not-started' | 'paused' | 'running' | 'not-computable';
    readonly dueDate: string | null;
    readonly overdue: boolean;
    readonly daysOverdue: number;
  };
  readonly pendingDecisionId: string | null;
  readonly proposedBy: string | null;
  readonly proposedTotal: number | null;
  readonly checkerRequired: boolean | null;
  readonly lastDecisionId: string | null;
  readonly approvedTotal: number | null;
  readonly rejectionCodes: readonly string[];
  readonly scholarshipEntitlementId: string | null;
  readonly updatedAt: string;
}

export interface WorkQueuePage {
  readonly items: readonly WorkQueueItem[];
  readonly total: number;
  readonly asOf: string;
}

export interface WorkQueueQuery {
  readonly status?: ClaimStatus;
  readonly program?: ClaimProgram;
  readonly scholarship?: boolean;
  readonly regencyCode?: string;
  readonly sla?: SlaFilter;
  readonly mine?: boolean;
  readonly participantId?: string;
  readonly sort?: QueueSort;
  readonly limit?: number;
  readonly offset?: number;
}

export interface DecisionView {
  readonly decisionId: string;
  readonly total: number;
  readonly ruleSetId: string;
  readonly supersedesDecisionId: string | null;
  readonly explanation: ClaimDecisionProposed['explanation'];
  readonly inputs: ClaimDecisionProposed['inputs'];
  readonly checks: readonly EligibilityCheck[];
  readonly payment: ClaimDecisionProposed['payment'];
  readonly scholarship: ClaimDecisionProposed['scholarship'];
  readonly proposedBy: string;
  readonly proposedOn: string;
  readonly checkerRequired: boolean;
  readonly checkerReasons: readonly string[];
  readonly approval: Approval | null;
  readonly sla: SlaRecord | null;
}

export interface RejectionView {
  readonly decisionId: string;
  readonly reasons: ClaimRejected['reasons'];
  readonly rejectedBy: string;
  readonly rejectedOn: string;
  readonly supersedesDecisionId: string | null;
}

export interface TimelineItem {
  readonly type: string;
  readonly summary: string;
  readonly actor: {
    readonly id: string;
    readonly kind: 'user' | 'system';
    readonly roles?: readonly string[];
  };
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly streamId: string;
  readonly version: number;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface ClaimDocuments {
  readonly required: readonly ClaimDocumentCode[];
  readonly received: readonly {
    document: ClaimDocumentCode;
    reference: string;
    receivedOn: string;
  }[];
  readonly outstanding: readonly ClaimDocumentCode[];
  readonly missing: readonly ClaimDocumentCode[];
  readonly complete: boolean;
}

export interface ClaimDetail extends WorkQueueItem {
  readonly claimDate: string;
  readonly accidentReportId: string | null;
  readonly claimant: Claimant;
  readonly benefits: readonly JkkBenefitLine[];
  readonly paymentAccount: BankAccount | null;
  readonly documents: ClaimDocuments;
  readonly decision: DecisionView | null;
  readonly rejection: RejectionView | null;
  readonly pending: {
    readonly month: string;
    readonly programId: string;
    readonly graceEndsOn: string;
    readonly since: string;
  } | null;
  readonly timeline: readonly TimelineItem[];
  /** The proposal awaiting a checker, approval or rejection (newer claims services). */
  readonly proposal?: PendingProposal | null;
}

export interface PendingProposal {
  readonly kind: 'approval' | 'rejection';
  readonly decisionId: string;
  readonly proposedBy: string;
  readonly reasonCode?: string | null;
  readonly note?: string | null;
}

/** The hash chains of a claim's streams, recomputed by the claims service on request. */
export interface ChainVerification {
  readonly claimId: string;
  readonly verified: boolean;
  readonly verifiedAt: string;
  readonly streams: readonly {
    readonly streamId: string;
    readonly events: number;
    readonly verified: boolean;
    readonly problems: readonly { kind: string; version: number; detail: string }[];
  }[];
}

export interface ClaimCreated {
  readonly claimId: string;
}

export interface AccidentReport {
  readonly reportId: string;
  readonly participantId: string;
  readonly status: 'reported' | 'confirmed' | 'refuted';
  readonly incidentDate: string;
  readonly reportedOn: string;
  readonly incidentKind: 'accident' | 'occupational-disease';
  readonly place: string;
  readonly trafficAccident: boolean;
  readonly decidedOn: string | null;
  readonly refutationReason: string | null;
}

export interface DecisionOutcome {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly eligibility: {
    readonly outcome: 'eligible' | 'pending-contribution' | 'ineligible';
    readonly checks: readonly EligibilityCheck[];
  } | null;
  readonly decision: DecisionView | null;
  readonly rejection: RejectionView | null;
}

export interface RejectionBody {
  readonly reasonCode: string;
  readonly note: string;
}

/** The claims service's endpoints the console uses. */
export class ClaimsApi {
  constructor(private readonly http: ServiceClient) {}

  workQueue(token: string, query: WorkQueueQuery): Promise<ServiceResult<WorkQueuePage>> {
    return this.http.get(token, '/claims', { ...query });
  }

  claim(token: string, claimId: string): Promise<ServiceResult<ClaimDetail>> {
    return this.http.get(token, `/claims/${encodeURIComponent(claimId)}`);
  }

  verifyChain(token: string, claimId: string): Promise<ServiceResult<ChainVerification>> {
    return this.http.get(token, `/claims/${encodeURIComponent(claimId)}/chain-verification`);
  }

  submitJkm(token: string, body: unknown): Promise<ServiceResult<ClaimCreated>> {
    return this.http.post(token, '/claims/jkm', body);
  }

  submitJkk(token: string, body: unknown): Promise<ServiceResult<ClaimCreated>> {
    return this.http.post(token, '/claims/jkk', body);
  }

  reportAccident(token: string, body: unknown): Promise<ServiceResult<AccidentReport>> {
    return this.http.post(token, '/accident-reports', body);
  }

  accidentReport(token: string, reportId: string): Promise<ServiceResult<AccidentReport>> {
    return this.http.get(token, `/accident-reports/${encodeURIComponent(reportId)}`);
  }

  confirmWorkAccident(
    token: string,
    reportId: string,
    body: unknown,
  ): Promise<ServiceResult<AccidentReport>> {
    return this.http.post(
      token,
      `/accident-reports/${encodeURIComponent(reportId)}/confirmation`,
      body,
    );
  }

  recordDocument(token: string, claimId: string, body: unknown): Promise<ServiceResult<unknown>> {
    return this.http.post(token, `/claims/${encodeURIComponent(claimId)}/documents`, body);
  }

  requestDocuments(token: string, claimId: string, body: unknown): Promise<ServiceResult<unknown>> {
    return this.http.post(token, `/claims/${encodeURIComponent(claimId)}/document-requests`, body);
  }

  propose(token: string, claimId: string, body: unknown): Promise<ServiceResult<DecisionOutcome>> {
    return this.http.post(token, `/claims/${encodeURIComponent(claimId)}/decisions`, body);
  }

  approve(
    token: string,
    claimId: string,
    decisionId: string,
  ): Promise<ServiceResult<DecisionOutcome>> {
    return this.http.post(
      token,
      `/claims/${encodeURIComponent(claimId)}/decisions/${encodeURIComponent(decisionId)}/approval`,
    );
  }

  sendBack(
    token: string,
    claimId: string,
    decisionId: string,
    reason: string,
  ): Promise<ServiceResult<DecisionOutcome>> {
    return this.http.post(
      token,
      `/claims/${encodeURIComponent(claimId)}/decisions/${encodeURIComponent(decisionId)}/send-back`,
      { reason },
    );
  }

  /** The maker proposes a rejection; a checker confirms it (approval) or sends it back. */
  proposeRejection(
    token: string,
    claimId: string,
    body: RejectionBody,
  ): Promise<ServiceResult<DecisionOutcome>> {
    return this.http.post(
      token,
      `/claims/${encodeURIComponent(claimId)}/rejection-proposals`,
      body,
    );
  }

  rejectProposal(
    token: string,
    claimId: string,
    decisionId: string,
    body: RejectionBody,
  ): Promise<ServiceResult<DecisionOutcome>> {
    return this.http.post(
      token,
      `/claims/${encodeURIComponent(claimId)}/decisions/${encodeURIComponent(decisionId)}/rejection`,
      body,
    );
  }

  scholarshipApplication(
    token: string,
    entitlementId: string,
    body: unknown,
  ): Promise<ServiceResult<unknown>> {
    return this.http.post(
      token,
      `/scholarships/${encodeURIComponent(entitlementId)}/applications`,
      body,
    );
  }
}
