import type {
  Address,
  ChildRelationship,
  DeathRecorder,
  Heir,
  IsoDate,
  IsoMonth,
  ParticipantRegistered,
} from '@santunan/contracts';
import type { RegionDirectory } from '../regions';

/** A registration at the counter: the event records exactly what it asks for. */
export interface RegisterParticipant extends ParticipantRegistered {
  readonly type: 'RegisterParticipant';
}

/**
 * A worker enrolled from a sponsor's bulk file. Unlike a registration at the counter, a file
 * is uploaded again and again (next month's list repeats this month's workers): a worker
 * already registered with the same data is already enrolled, whatever month the income was
 * first declared for.
 */
export interface EnrolSponsoredWorker extends Omit<ParticipantRegistered, 'membership'> {
  readonly type: 'EnrolSponsoredWorker';
  readonly programId: string;
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

/**
 * The participant died: recorded from claims' death register (a death claim's certificate), or
 * by an enrollment officer the family or Dukcapil reported the death to, on its death
 * certificate (akta kematian), before any claim.
 */
export interface RecordDeath {
  readonly type: 'RecordDeath';
  readonly dateOfDeath: IsoDate;
  readonly recordedBy: DeathRecorder;
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
  /**
   * BPU declared-income ceiling in force (integer rupiah): a product policy in the rules
   * library. The enrollment service always gives it; absent only in harnesses of other
   * contexts that build a context by hand, where no ceiling is checked.
   */
  readonly incomeCeiling?: number;
  readonly regions: RegionDirectory;
}
