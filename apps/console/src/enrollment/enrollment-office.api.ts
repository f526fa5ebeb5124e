import type { Coverage, PersonalValue } from '../services/participants.api';
import type { ServiceClient, ServiceResult } from '../services/service-client';

// The enrollment service's participant API as the enrollment officer's pages use it, and the
// contributions service's coverage view. Commands go to the service with the officer's own
// token; the service validates, decides and authorises.

export interface HeirRecord {
  readonly heirId: string;
  readonly fullName: PersonalValue;
  readonly relationship: string;
  readonly birthDate?: string;
  readonly bankAccount?: {
    readonly bankCode: string;
    readonly accountNumber: PersonalValue;
    readonly accountName: PersonalValue;
  };
}

export interface ChildRecord {
  readonly childId: string;
  readonly fullName: PersonalValue;
  readonly birthDate: string;
  readonly relationship: string;
}

export interface HeirOrder {
  readonly ruleSetId: string;
  readonly entitledTier: number | null;
  readonly payeeHeirId: string | null;
  readonly heirs: readonly {
    readonly heirId: string;
    readonly tier: number | null;
    readonly entitled: boolean;
  }[];
}

export interface ParticipantRecord {
  readonly participantId: string;
  readonly status: 'active' | 'deceased';
  readonly nik: PersonalValue;
  readonly fullName: PersonalValue;
  readonly birthDate: string;
  readonly sex: string;
  readonly regencyCode: string;
  readonly membership: { readonly kind: 'self-paying' | 'sponsored'; readonly programId?: string };
  readonly declaredIncome: number;
  readonly personalData: 'full' | 'masked';
  readonly address: {
    readonly line: PersonalValue;
    readonly regencyCode: string;
    readonly regencyName?: string;
  };
  readonly phone: PersonalValue;
  readonly occupation: string;
  readonly incomeHistory: readonly {
    readonly declaredIncome: number;
    readonly effectiveFrom: string;
  }[];
  readonly heirs: readonly HeirRecord[];
  readonly heirOrder?: HeirOrder;
  readonly children: readonly ChildRecord[];
  readonly dateOfDeath?: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

export type ParticipantListing = Pick<
  ParticipantRecord,
  | 'participantId'
  | 'status'
  | 'nik'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'regencyCode'
  | 'membership'
  | 'declaredIncome'
  | 'personalData'
>;

export interface HistoryEvent {
  readonly version: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly kind: 'user' | 'system' };
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ParticipantHistory {
  readonly participantId: string;
  readonly personalData: 'full' | 'masked';
  readonly events: readonly HistoryEvent[];
}

export interface ParticipantChange {
  readonly participantId: string;
  readonly version: number;
  readonly changed: boolean;
}

/** The enrollment or contributions service's path for one participant (and below it). */
function participantResource(participantId: string, below = ''): string {
  return `/participants/${encodeURIComponent(participantId)}${below}`;
}

export class EnrollmentOfficeApi {
  constructor(
    private readonly enrollment: ServiceClient,
    private readonly contributions: ServiceClient,
  ) {}

  search(
    token: string,
    criteria: { nik?: string; name?: string; limit: number },
  ): Promise<ServiceResult<{ results: readonly ParticipantListing[]; next?: string }>> {
    // A POST: a NIK in a query string would end up in access logs.
    return this.enrollment.post(token, '/participants/search', criteria);
  }

  profile(token: string, participantId: string): Promise<ServiceResult<ParticipantRecord>> {
    return this.enrollment.get(token, participantResource(participantId));
  }

  history(token: string, participantId: string): Promise<ServiceResult<ParticipantHistory>> {
    return this.enrollment.get(token, participantResource(participantId, '/history'));
  }

  coverage(token: string, participantId: string): Promise<ServiceResult<Coverage>> {
    return this.contributions.get(token, participantResource(participantId, '/coverage'));
  }

  register(
    token: string,
    body: unknown,
  ): Promise<ServiceResult<{ participantId: string; outcome: string }>> {
    return this.enrollment.post(token, '/participants', body);
  }

  changeIncome(
    token: string,
    participantId: string,
    body: unknown,
  ): Promise<ServiceResult<ParticipantChange>> {
    return this.enrollment.post(token, participantResource(participantId, '/income-changes'), body);
  }

  /** An officer records a death reported to enrollment (date, akta kematian number). */
  recordDeath(
    token: string,
    participantId: string,
    body: unknown,
  ): Promise<ServiceResult<ParticipantChange>> {
    return this.enrollment.post(token, participantResource(participantId, '/death'), body);
  }

  correctDetails(
    token: string,
    participantId: string,
    body: unknown,
  ): Promise<ServiceResult<ParticipantChange>> {
    return this.enrollment.patch(token, participantResource(participantId, '/details'), body);
  }

  designateHeirs(
    token: string,
    participantId: string,
    body: unknown,
  ): Promise<ServiceResult<ParticipantChange>> {
    return this.enrollment.put(token, participantResource(participantId, '/heirs'), body);
  }

  registerChild(
    token: string,
    participantId: string,
    body: unknown,
  ): Promise<ServiceResult<ParticipantChange & { childId: string }>> {
    return this.enrollment.post(token, participantResource(participantId, '/children'), body);
  }
}
