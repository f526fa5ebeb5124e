/**
 * What the steps share: the plan, the HTTP client, the people acting, the drawn workers, what
 * the platform answered (for the summary) and the checks of its answers against the regulation.
 */
import type { ScenarioHttp, User } from './http-client';
import type { ClaimCase, ScenarioPlan } from './plan';
import type { ScholarshipLevel } from './regulation';
import type { Worker } from './synthetic-data';

export type Log = (line: string) => void;

/** The people of the scenario (user ids as their tokens carry them). */
export const USERS = {
  enrollmentOfficer: { id: 'petugas-kepesertaan-kupang', roles: ['enrollment-officer'] },
  claimsOfficer: { id: 'petugas-klaim-maria', roles: ['claims-officer'] },
  supervisor: { id: 'supervisor-klaim-yosef', roles: ['claims-supervisor'] },
  /** BPJS Ketenagakerjaan finance: bank batches and settlements, reissue maker. */
  finance: { id: 'keuangan-bpjstk-agnes', roles: ['finance'] },
  /** A second finance officer: the reissue checker. */
  financeChecker: { id: 'keuangan-bpjstk-simon', roles: ['finance'] },
  auditor: { id: 'auditor-bpk', roles: ['auditor'] },
} as const satisfies Record<string, User>;

export function operatorOf(id: string): User {
  return { id, roles: ['sponsor-operator'] };
}

/** The regional treasury (BPKAD) that pays a program's dues: finance role at contributions. */
export function treasuryOf(programId: string): User {
  return { id: `bpkad-${programId}`, roles: ['finance'] };
}

export interface Heir {
  readonly heirId: string;
  readonly fullName: string;
  readonly relationship: 'spouse' | 'child' | 'parent';
  readonly birthDate: string;
  readonly bankAccount?: { bankCode: string; accountNumber: string; accountName: string };
}

export interface Child {
  readonly childId: string;
  readonly heirId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly level: ScholarshipLevel;
}

/** A participant a claim is about, as enrollment knows him. */
export interface ClaimSubject {
  readonly participantId: string;
  readonly worker: Worker;
  readonly programId: string | null;
  readonly heirs: readonly Heir[];
  readonly children: readonly Child[];
}

export type ClaimOutcome =
  | {
      readonly status: 'approved';
      readonly claimId: string;
      readonly decisionId: string;
      readonly total: number;
      readonly program: 'jkk' | 'jkm';
      readonly benefitType: string;
    }
  | { readonly status: 'rejected'; readonly claimId: string; readonly reasons: readonly string[] };

export interface PayoutExpectation {
  /** The decision paid: a claim decision, or a scholarship application. */
  readonly decisionId: string;
  readonly amount: number;
  readonly label: string;
  readonly fails: boolean;
}

export interface ScholarshipOutcome {
  readonly caseId: string;
  readonly childId: string;
  readonly level: ScholarshipLevel;
  readonly applicationId: string;
  readonly amount: number;
  readonly checked: boolean;
}

export interface PayoutTally {
  settled: number;
  settledAmount: number;
  failed: number;
  failedAmount: number;
  reissued: number;
  reissuedAmount: number;
  batches: number;
}

export interface ProgramTally {
  readonly programId: string;
  readonly enrolled: number;
  readonly sponsorshipsEnded: number;
  readonly payments: number;
  readonly received: number;
  readonly paid: number;
  readonly refunded: number;
  readonly remainingBudget: number;
  readonly quota: number;
  readonly budget: number;
}

export interface ScenarioState {
  readonly workers: Worker[][];
  readonly subjects: Map<string, ClaimSubject>;
  readonly claims: Map<string, ClaimOutcome>;
  /** The history act's claims (played only when the scenario can move the clock). */
  readonly history: Map<string, ClaimOutcome>;
  historyPlayed: boolean;
  readonly scholarships: ScholarshipOutcome[];
  readonly payouts: PayoutExpectation[];
  readonly payoutTally: PayoutTally;
  readonly programs: ProgramTally[];
  readonly timings: { step: string; ms: number }[];
}

export class ScenarioChecks {
  readonly failures: string[] = [];
  passed = 0;

  constructor(private readonly log: Log) {}

  /** Records whether the platform answered what the regulation (or the plan) says. */
  equal(what: string, actual: unknown, expected: unknown): void {
    if (JSON.stringify(actual) === JSON.stringify(expected)) {
      this.passed += 1;
      return;
    }
    const line = `${what}: expected ${JSON.stringify(expected)}, the platform answered ${JSON.stringify(actual)}`;
    this.failures.push(line);
    this.log(`  ✗ ${line}`);
  }

  that(what: string, condition: boolean, detail = ''): void {
    if (condition) {
      this.passed += 1;
      return;
    }
    const line = `${what}${detail ? `: ${detail}` : ''}`;
    this.failures.push(line);
    this.log(`  ✗ ${line}`);
  }
}

export interface ScenarioContext {
  readonly plan: ScenarioPlan;
  readonly http: ScenarioHttp;
  readonly log: Log;
  readonly checks: ScenarioChecks;
  readonly state: ScenarioState;
  /** How long to wait for what is eventually consistent, scaled to the size. */
  readonly patienceMs: number;
}

export function caseOf(plan: ScenarioPlan, id: string): ClaimCase {
  const found = plan.claims.find((claim) => claim.id === id);
  if (found === undefined) throw new Error(`no claim case ${id}`);
  return found;
}
