import type {
  Address,
  ChildRelationship,
  Heir,
  IsoDate,
  IsoMonth,
  Membership,
  Sex,
} from '@santunan/contracts';
import type { RegionDirectory } from '../regions';

export interface RegisterParticipant {
  readonly type: 'RegisterParticipant';
  readonly participantId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly address: Address;
  readonly phone: string;
  readonly occupation: string;
  readonly declaredIncome: number;
  readonly incomeEffectiveFrom: IsoMonth;
  readonly membership: Membership;
}

/**
 * A worker enrolled from a sponsor's bulk file. Unlike a registration at the counter, a file
 * is uploaded again and again (next month's list repeats this month's workers): a worker
 * already registered with the same data is already enrolled, whatever month the income was
 * first declared for.
 */
export interface EnrolSponsoredWorker {
  readonly type: 'EnrolSponsoredWorker';
  readonly participantId: string;
  readonly programId: string;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly sex: Sex;
  readonly address: Address;
  readonly phone: string;
  readonly occupation: string;
  readonly declaredIncome: number;
  readonly incomeEffectiveFrom: IsoMonth;
}

export interface CorrectParticipantDetails {
  readonly type: 'CorrectParticipantDetails';
  readonly fullName?: string;
  readonly address?: Address;
  readonly phone?: string;
  readonly occupation?: string;
  readonly reason: string;
}

export interface ChangeDeclaredIncome {
  readonly type: 'ChangeDeclaredIncome';
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

export interface DesignateHeirs {
  readonly type: 'DesignateHeirs';
  readonly heirs: readonly Heir[];
}

export interface RegisterChild {
  readonly type: 'RegisterChild';
  readonly childId: string;
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly relationship: ChildRelationship;
}

export interface RecordDeath {
  readonly type: 'RecordDeath';
  readonly dateOfDeath: IsoDate;
  readonly recordedByEventId: string;
}

export type ParticipantCommand =
  | RegisterParticipant
  | EnrolSponsoredWorker
  | CorrectParticipantDetails
  | ChangeDeclaredIncome
  | DesignateHeirs
  | RegisterChild
  | RecordDeath;

/** What a decision needs from outside, passed in so the decider stays pure. */
export interface EnrollmentContext {
  /** The calendar date the command is decided on (Asia/Jakarta). */
  readonly today: IsoDate;
  /** BPU declared-income floor in force (integer rupiah), from the rules library. */
  readonly incomeFloor: number;
  readonly regions: RegionDirectory;
}
