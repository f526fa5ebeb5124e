// What serve-platform.ts writes once the platform is up, and the browser tests read.
import fs from 'node:fs';

export interface BrowserUser {
  readonly username: string;
  readonly password: string;
  /** Keycloak's user id: the actor id the services record. */
  readonly id: string;
}

export interface SeededClaim {
  readonly claimId: string;
  readonly participantId: string;
  readonly participantName: string;
  readonly nik: string;
}

export interface BrowserPlatformHandle {
  readonly consoleUrl: string;
  readonly keycloakUrl: string;
  readonly users: {
    readonly claimsOfficer: BrowserUser;
    readonly supervisor: BrowserUser;
    readonly auditor: BrowserUser;
    readonly sponsorOperator: BrowserUser;
    readonly enrollmentOfficer: BrowserUser;
    readonly financeOfficer: BrowserUser;
    /** A second finance officer: approves what the first requests (four eyes). */
    readonly financeApprover: BrowserUser;
    readonly admin: BrowserUser;
    /** Signed up with no role: the administrator's test grants one. */
    readonly newcomer: BrowserUser;
  };
  /** JKM death claims lodged by intake, waiting in the queue: one to approve, one to reject. */
  readonly claims: { readonly toApprove: SeededClaim; readonly toReject: SeededClaim };
  /** The services' HTTP APIs, for setting up what a test needs (never for its assertions). */
  readonly serviceUrls: Readonly<
    Record<'enrollment' | 'contributions' | 'claims' | 'payouts', string>
  >;
  /**
   * Intake's machine client (enrollment-officer, finance, claims-officer): a test sets up data
   * through the services' APIs with `clientCredentialsToken(issuer, clientId, clientSecret)`.
   */
  /** What tests may read to wait for a Kafka hop no page shows (never for assertions). */
  readonly probes: { readonly claimsDatabaseUrl: string };
  readonly machine: {
    readonly issuer: string;
    readonly clientId: string;
    readonly clientSecret: string;
  };
}

export function browserPlatform(): BrowserPlatformHandle {
  const file = process.env['BROWSER_PLATFORM_HANDLE'];
  if (!file)
    throw new Error('BROWSER_PLATFORM_HANDLE is not set: run through playwright.config.ts');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BrowserPlatformHandle;
}

/** What serve-platform.ts writes in simulation mode (SANTUNAN_SIMULATED_CLOCK_START), for the NTT spec. */
export interface SimulationPlatformHandle {
  readonly consoleUrl: string;
  readonly keycloakUrl: string;
  /** Where the four services' one simulated clock started. */
  readonly simulatedFrom: string;
  readonly users: { readonly admin: BrowserUser };
  readonly serviceUrls: Readonly<
    Record<'enrollment' | 'contributions' | 'claims' | 'payouts', string>
  >;
  /** The infrastructure's connections (Keycloak's admin, Kafka's users) for the scenario run. */
  readonly environment: Readonly<Record<string, string>>;
  /** Where the auditor reads this platform's stores and topics. */
  readonly stores: {
    readonly databaseUrls: Readonly<
      Record<'enrollment' | 'contributions' | 'claims' | 'payouts', string>
    >;
    readonly topics: Readonly<
      Record<'enrollment' | 'contributions' | 'claims' | 'payouts', string>
    >;
    readonly keysDatabaseUrl: string;
  };
}
