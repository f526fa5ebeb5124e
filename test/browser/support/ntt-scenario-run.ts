// What the NTT spec runs outside Playwright's workers (which cannot load the services'
// decorated code), in a process of its own with ts-node, against the simulation platform:
//   scenario <handle> <result>  plays the --small NTT scenario as `npm run scenario -- --small`
//                               does on a platform in simulation mode: its people are users of
//                               the platform's Keycloak (this run's password, written to
//                               <result> with the province program and its operator).
//   ledger <handle> <programId> prints, as JSON, the program as the auditor reads it from the
//                               contributions event store: what `npm run -s audit -- report
//                               --program <programId>` prints (@santunan/audit's readProgramLedger).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { auditTargets, readProgramLedger, type TargetOverrides } from '@santunan/audit';
import {
  keycloakBearer,
  planScenario,
  runNttScenario,
  ScenarioFailed,
  simulatedPlatformClock,
} from '@santunan/scenario';
import { testEventKeyring, testKafkaConnection, testKeycloak } from '@santunan/testing';
import type { SimulationPlatformHandle } from './handle';

/** What `scenario` writes for the spec. */
export interface ScenarioRunResult {
  /** The platform's date the scenario's main acts happened on. */
  readonly today: string;
  readonly province: { readonly programId: string; readonly name: string };
  readonly operator: { readonly username: string; readonly password: string };
}

/** The program as the auditor reads it; every amount integer rupiah. */
export interface ProgramLedger {
  readonly budget: number;
  /** Running sponsorships: sponsored less those a death ended. */
  readonly enrolled: number;
  readonly billed: number;
  readonly received: number;
  readonly paid: number;
  readonly refunded: number;
  /** Budget − received + refunded. */
  readonly remaining: number;
  readonly statements: readonly {
    readonly month: string;
    readonly billed: number;
    readonly received: number;
  }[];
}

function handleOf(file: string): SimulationPlatformHandle {
  const handle = JSON.parse(fs.readFileSync(file, 'utf8')) as SimulationPlatformHandle;
  Object.assign(process.env, handle.environment);
  return handle;
}

function auditOverrides(handle: SimulationPlatformHandle): TargetOverrides {
  return {
    ...handle.stores,
    // As the audit principal, every topic copy checked against its owner's key (ADR 0025).
    ...testKafkaConnection('audit'),
    keyring: testEventKeyring,
  };
}

async function scenario(handleFile: string, resultFile: string): Promise<void> {
  const handle = handleOf(handleFile);
  const keycloak = await testKeycloak();
  const run = randomBytes(3).toString('hex');
  const password = randomBytes(18).toString('base64url');
  // Unique to this run: the platform's Keycloak may be shared (KEYCLOAK_URL in CI).
  const usernameOf = (subject: string): string => `${subject.toLowerCase()}-${run}`;
  const bearer = keycloakBearer(
    { issuer: keycloak.issuer(), admin: keycloak.admin },
    { password, usernameOf },
  );
  const clock = await simulatedPlatformClock(handle.serviceUrls, bearer);
  if (clock === null) throw new Error('the platform does not run in simulation mode');
  // The province and its operator do not depend on the date; written first, so that a run
  // stopped halfway can still be looked at in the console by hand.
  const province = planScenario({ size: 'small', today: clock.today }).programs[0];
  if (province === undefined) throw new Error('the plan has no province program');
  const resultOf = (today: string): ScenarioRunResult => ({
    today,
    province: { programId: province.programId, name: province.name },
    operator: { username: usernameOf(province.operator), password },
  });
  const write = (result: ScenarioRunResult): void =>
    fs.writeFileSync(resultFile, JSON.stringify(result, null, 2), { mode: 0o600 });
  write(resultOf(''));
  try {
    const summary = await runNttScenario({
      size: 'small',
      urls: handle.serviceUrls,
      bearer,
      today: clock.today,
      advanceTo: (instant) => clock.advanceTo(instant),
      audit: auditOverrides(handle),
      // A bound for a loaded machine, not a speed target.
      patienceMs: 600_000,
    });
    write(resultOf(summary.today));
  } catch (error) {
    if (error instanceof ScenarioFailed) throw new Error(error.message);
    throw error;
  }
}

async function ledger(handleFile: string, programId: string): Promise<ProgramLedger> {
  const handle = handleOf(handleFile);
  const audited = await readProgramLedger(auditTargets(auditOverrides(handle)), programId);
  return {
    budget: audited.budget,
    enrolled: audited.enrolled,
    billed: audited.billed,
    received: audited.received,
    paid: audited.paid,
    refunded: audited.refunded,
    remaining: audited.remaining,
    statements: audited.statements.map(({ month, billed, received }) => ({
      month,
      billed,
      received,
    })),
  };
}

async function main(): Promise<void> {
  const [command, handleFile, argument] = process.argv.slice(2);
  if (command === 'scenario' && handleFile && argument) {
    await scenario(handleFile, argument);
  } else if (command === 'ledger' && handleFile && argument) {
    process.stdout.write(`${JSON.stringify(await ledger(handleFile, argument))}\n`);
  } else {
    throw new Error('usage: ntt-scenario-run.ts scenario <handle> <result> | ledger <handle> <id>');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
