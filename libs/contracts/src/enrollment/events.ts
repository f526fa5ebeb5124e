/**
 * Published language of the enrollment context (topic `enrollment.events`). Type names are
 * stable strings; a changed shape gets a new schemaVersion and an upcaster, never an edit.
 * Personal data (PERSONAL_DATA_PATHS) travels encrypted per participant on the wire and in
 * the event store; these types describe the decrypted payload.
 */

/** Calendar date `YYYY-MM-DD` (no time zone: a date of birth or an effective date). */
export type IsoDate = string;
/** Calendar month `YYYY-MM`. */
export type IsoMonth = string;

export type Sex = 'male' | 'female';

export type HeirRelationship =
  | 'spouse'
  | 'child'
  | 'parent'
  | 'grandparent'
  | 'grandchild'
  | 'sibling'
  | 'parent-in-law'
  | 'named-in-will';

export const HEIR_RELATIONSHIPS: readonly HeirRelationship[] = [
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'parent-in-law',
  'named-in-will',
];

export type ChildRelationship = 'biological' | 'step' | 'adopted';

export interface Address {
  readonly line: string;
  /** Kemendagri kabupaten/kota code, e.g. 5371 Kota Kupang. */
  readonly regencyCode: string;
}

export interface BankAccount {
  readonly bankCode: string;
  readonly accountNumber: string;
  readonly accountName: string;
}

export type Membership =
  | { readonly kind: 'self-paying' }
  | { readonly kind: 'sponsored'; readonly programId: string };

export interface ParticipantRegistered {
  readonly participantId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly address: Address;
  readonly phone: string;
  readonly occupation: string;
  /** Integer rupiah per month. */
  readonly declaredIncome: number;
  readonly incomeEffectiveFrom: IsoMonth;
  readonly membership: Membership;
}

export interface ParticipantDetailsCorrected {
  readonly participantId: string;
  readonly fullName?: string;
  readonly address?: Address;
  readonly phone?: string;
  readonly occupation?: string;
  readonly reason: string;
}

export interface DeclaredIncomeChanged {
  readonly participantId: string;
  readonly declaredIncome: number;
  readonly previousIncome: number;
  readonly effectiveFrom: IsoMonth;
}

export interface Heir {
  readonly heirId: string;
  readonly fullName: string;
  readonly relationship: HeirRelationship;
  readonly birthDate?: IsoDate;
  readonly bankAccount?: BankAccount;
}

export interface HeirsDesignated {
  readonly participantId: string;
  /** The whole list as it now stands (a designation replaces the previous one). */
  readonly heirs: readonly Heir[];
}

export interface ChildRegisteredForScholarship {
  readonly participantId: string;
  readonly childId: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly relationship: ChildRelationship;
}

/**
 * Who recorded a death: the claims event (DeathRecorded) of a death claim whose certificate is
 * in hand, or an enrollment officer told of the death (by the family or Dukcapil) before any
 * claim, on the evidence of the death certificate (akta kematian) named.
 */
export type DeathRecorder =
  | { readonly kind: 'claims-event'; readonly eventId: string }
  | {
      readonly kind: 'enrollment-officer';
      readonly officerId: string;
      readonly deathCertificateReference: string;
    };

/** Schema version 2: who recorded the death (ADR 0034). */
export interface ParticipantDeceased {
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  readonly recordedBy: DeathRecorder;
}

/** ParticipantDeceased as schema version 1 published it: only claims recorded deaths. */
export interface ParticipantDeceasedV1 {
  readonly participantId: string;
  readonly dateOfDeath: IsoDate;
  /** The claims event that recorded the death. */
  readonly recordedByEventId: string;
}

export interface EnrollmentEventMap {
  ParticipantRegistered: ParticipantRegistered;
  ParticipantDetailsCorrected: ParticipantDetailsCorrected;
  DeclaredIncomeChanged: DeclaredIncomeChanged;
  HeirsDesignated: HeirsDesignated;
  ChildRegisteredForScholarship: ChildRegisteredForScholarship;
  ParticipantDeceased: ParticipantDeceased;
}

export type EnrollmentEventType = keyof EnrollmentEventMap;

/**
 * The payloads of earlier schema versions still stored and still on the topic (a replay
 * republishes them as stored): read through the upcasters (`registerEnrollmentUpcasters`).
 */
export interface EnrollmentEventMapV1 {
  ParticipantDeceased: ParticipantDeceasedV1;
}

export type EnrollmentEvent = {
  [Type in EnrollmentEventType]: { readonly type: Type; readonly data: EnrollmentEventMap[Type] };
}[EnrollmentEventType];

export const ENROLLMENT_SCHEMA_VERSIONS: Readonly<Record<EnrollmentEventType, number>> = {
  ParticipantRegistered: 1,
  ParticipantDetailsCorrected: 1,
  DeclaredIncomeChanged: 1,
  HeirsDesignated: 1,
  ChildRegisteredForScholarship: 1,
  ParticipantDeceased: 2,
};

/** Fields encrypted with the participant's key (UU PDP 27/2022); `*` stands for every element of an array. */
export const ENROLLMENT_PERSONAL_DATA_PATHS: Readonly<
  Record<EnrollmentEventType, readonly string[]>
> = {
  ParticipantRegistered: ['nik', 'fullName', 'address.line', 'phone'],
  ParticipantDetailsCorrected: ['fullName', 'address.line', 'phone'],
  DeclaredIncomeChanged: [],
  HeirsDesignated: [
    'heirs.*.fullName',
    'heirs.*.bankAccount.accountNumber',
    'heirs.*.bankAccount.accountName',
  ],
  ChildRegisteredForScholarship: ['fullName'],
  ParticipantDeceased: [],
};
