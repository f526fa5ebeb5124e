import type {
  BankAccount,
  ClaimApproved,
  IsoDate,
  ScholarshipDocumentCode,
  ScholarshipLevel,
} from '@santunan/contracts';
import type { ChildWork } from '@santunan/rules';

/** A scholarship entitlement follows an approved JKK death or CTT, or JKM death, decision. */
export interface GrantScholarshipEntitlement {
  readonly type: 'GrantScholarshipEntitlement';
  readonly entitlementId: string;
  /** The approved claim decision: route, incident date, masa iur, registered children. */
  readonly decision: ClaimApproved;
  readonly officerId: string;
}

/** A child's yearly application with proof of enrolment, decided by the maker. */
export interface DecideScholarshipApplication {
  readonly type: 'DecideScholarshipApplication';
  readonly applicationId: string;
  readonly childId: string;
  readonly applicationDate: IsoDate;
  /** The school year applied for, `2026/2027` (July–June); must be the application date's. */
  readonly schoolYear: string;
  readonly level: ScholarshipLevel;
  readonly enrolment: { readonly schoolName: string; readonly evidenceReference: string };
  /** The child's situation on the application date, as declared and evidenced. */
  readonly child: { readonly married: boolean; readonly work: ChildWork };
  readonly documents: readonly {
    readonly code: ScholarshipDocumentCode;
    readonly reference: string;
  }[];
  /** The child's own account or the guardian's (product decision 4). */
  readonly payee: {
    readonly holder: 'child' | 'guardian';
    readonly fullName: string;
    readonly bankAccount: BankAccount;
  };
  readonly officerId: string;
}

export interface ApproveScholarshipInstalment {
  readonly type: 'ApproveScholarshipInstalment';
  readonly applicationId: string;
  readonly supervisorId: string;
}

export interface SendBackScholarshipInstalment {
  readonly type: 'SendBackScholarshipInstalment';
  readonly applicationId: string;
  readonly supervisorId: string;
  readonly reason: string;
}

/** The child married or started working (reported), or turned 23. */
export interface EndScholarshipForChild {
  readonly type: 'EndScholarshipForChild';
  readonly childId: string;
  readonly reason: 'age-limit' | 'married' | 'working';
  readonly endedOn: IsoDate;
  readonly officerId: string;
}

export type ScholarshipCommand =
  | GrantScholarshipEntitlement
  | DecideScholarshipApplication
  | ApproveScholarshipInstalment
  | SendBackScholarshipInstalment
  | EndScholarshipForChild;

export interface ScholarshipDecisionContext {
  readonly today: IsoDate;
  /** Maker–checker threshold (integer rupiah), as for claims. */
  readonly makerCheckerThreshold: number;
}
