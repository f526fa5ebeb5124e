import type { ClaimBenefitType, ClaimProgram } from '@santunan/contracts';
import type { ServiceClient, ServiceResult } from '../services/service-client';

// The services' dashboard answers as the console reads them (their OpenAPI documents at /docs).

export interface ClaimsDashboard {
  readonly asOf: string;
  readonly openClaims: readonly {
    readonly benefitType: ClaimBenefitType;
    readonly status: 'open' | 'pending-contribution' | 'awaiting-checker';
    readonly count: number;
  }[];
  readonly openSla: readonly {
    readonly program: ClaimProgram;
    readonly sla: 'on-time' | 'overdue' | 'paused' | 'not-started' | 'not-computable';
    readonly count: number;
  }[];
  readonly decisionSla: readonly {
    readonly program: ClaimProgram;
    readonly workingDays: readonly number[];
    readonly approved: number;
    readonly approvedByDueDate: number;
  }[];
  readonly decided: readonly {
    readonly month: string;
    readonly regencyCode: string | null;
    readonly approved: number;
    readonly rejected: number;
    readonly approvedAmount: number;
  }[];
}

export interface PayoutStatistics {
  readonly asOf: string;
  readonly paymentSla: readonly {
    readonly program: 'jkk' | 'jkm' | 'scholarship';
    readonly paidOnTime: number;
    readonly paidLate: number;
    readonly overdue: number;
    readonly pending: number;
  }[];
  readonly paid: readonly {
    readonly month: string;
    readonly regencyCode: string | null;
    readonly payouts: number;
    readonly benefitAmount: number;
    readonly compensationAmount: number;
    readonly compensations: number;
  }[];
  readonly compensation: {
    readonly paidCount: number;
    readonly paidAmount: number;
    readonly outstandingCount: number;
    readonly outstandingAmount: number;
  };
}

export interface ProgramMonth {
  readonly month: string;
  readonly workers: number;
  readonly committed: number;
  readonly billed: number;
  readonly received: number;
  readonly paid: number;
  readonly committedToDate: number;
  readonly receivedToDate: number;
  readonly paidToDate: number;
}

export interface ProgramDashboard {
  readonly programs: readonly {
    readonly programId: string;
    readonly name: string | null;
    readonly firstMonth: string;
    readonly lastMonth: string;
  }[];
  readonly programId: string | null;
  readonly budget: number | null;
  readonly quota: number | null;
  readonly enrolled: number | null;
  readonly months: readonly ProgramMonth[];
}

export interface ProgramWorkers {
  readonly programId: string;
  readonly regencies: readonly {
    readonly regencyCode: string;
    readonly active: number;
    readonly deceased: number;
  }[];
}

export class DashboardsApi {
  constructor(
    private readonly claims: ServiceClient,
    private readonly payouts: ServiceClient,
    private readonly contributions: ServiceClient,
    private readonly enrollment: ServiceClient,
  ) {}

  claimsDashboard(token: string): Promise<ServiceResult<ClaimsDashboard>> {
    return this.claims.get(token, '/claims-dashboard');
  }

  payoutStatistics(token: string): Promise<ServiceResult<PayoutStatistics>> {
    return this.payouts.get(token, '/payout-statistics');
  }

  programDashboard(token: string, programId?: string): Promise<ServiceResult<ProgramDashboard>> {
    return this.contributions.get(token, '/program-dashboard', { programId });
  }

  programWorkers(token: string, programId: string): Promise<ServiceResult<ProgramWorkers>> {
    return this.enrollment.get(
      token,
      `/sponsor-programs/${encodeURIComponent(programId)}/workers-by-regency`,
    );
  }
}
