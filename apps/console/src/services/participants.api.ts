import type { ServiceClient, ServiceResult } from './service-client';

// Enrollment's participant view, contributions' coverage view and payouts' payout view, as the
// console reads them. Personal values are text, masked text (claims roles see initials and
// `5371********0001`), or `{ redacted: true }` once the participant's key is erased.

export type PersonalValue = string | { readonly redacted: true } | null | undefined;

export function personalText(value: unknown, redacted: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'redacted' in value) return redacted;
  return '—';
}

export interface ParticipantSummary {
  readonly participantId: string;
  readonly status: 'active' | 'deceased';
  readonly nik: PersonalValue;
  readonly fullName: PersonalValue;
  readonly birthDate: string;
  readonly sex: string;
  readonly regencyCode: string;
  readonly declaredIncome: number;
  readonly personalData: 'full' | 'masked';
}

export interface HeirView {
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

export interface ChildView {
  readonly childId: string;
  readonly fullName: PersonalValue;
  readonly birthDate: string;
  readonly relationship?: string;
}

export interface ParticipantProfile extends ParticipantSummary {
  readonly address: { readonly regencyCode: string; readonly regencyName?: string };
  readonly occupation: string;
  readonly heirs: readonly HeirView[];
  readonly children: readonly ChildView[];
  readonly dateOfDeath?: string;
}

export interface SearchResponse {
  readonly results: readonly ParticipantSummary[];
  readonly next?: string;
}

export interface DueLine {
  readonly month: string;
  readonly payer: { readonly kind: 'self' | 'program'; readonly programId?: string };
  readonly total: number;
  readonly dueDate: string | null;
  readonly status: 'paid' | 'unpaid' | 'refunded' | 'cancelled';
  readonly paymentReference: string | null;
  readonly paidOn: string | null;
  readonly withinGrace: boolean | null;
}

export interface Coverage {
  readonly participantId: string;
  readonly standing: 'awaiting-first-payment' | 'active' | 'in-arrears' | 'lapsed';
  readonly paidThrough: string | null;
  readonly firstPaidMonth: string | null;
  readonly masaIurMonths: number;
  readonly arrearsMonths: readonly string[];
  readonly dues: readonly DueLine[];
  readonly dateOfDeath: string | null;
}

export interface PayoutView {
  readonly payoutId: string;
  readonly decisionId: string;
  readonly claimId: string;
  readonly beneficiary: { readonly kind: string; readonly fullName: string | null };
  readonly bankAccount: { readonly bankCode: string; readonly accountNumber: string | null };
  readonly amount: number;
  readonly status: string;
  readonly dueDate: string | null;
  readonly scheduledOn: string;
  readonly instructedOn: string | null;
  readonly settledOn: string | null;
}

export class EnrollmentApi {
  constructor(private readonly http: ServiceClient) {}

  search(
    token: string,
    criteria: { nik?: string; name?: string; after?: string; limit?: number },
  ): Promise<ServiceResult<SearchResponse>> {
    // A POST: a NIK in a query string would end up in access logs.
    return this.http.post(token, '/participants/search', criteria);
  }

  profile(token: string, participantId: string): Promise<ServiceResult<ParticipantProfile>> {
    return this.http.get(token, `/participants/${encodeURIComponent(participantId)}`);
  }
}

export class ContributionsApi {
  constructor(private readonly http: ServiceClient) {}

  coverage(token: string, participantId: string): Promise<ServiceResult<Coverage>> {
    return this.http.get(token, `/participants/${encodeURIComponent(participantId)}/coverage`);
  }
}

export class PayoutsApi {
  constructor(private readonly http: ServiceClient) {}

  ofClaim(
    token: string,
    claimId: string,
  ): Promise<ServiceResult<{ items: readonly PayoutView[]; total: number }>> {
    return this.http.get(token, '/payouts', { claimId, limit: 20 });
  }
}
