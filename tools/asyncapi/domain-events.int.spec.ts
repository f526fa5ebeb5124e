// The schemas accept what the services really publish. The domain deciders are where every
// event of enrollment, contributions and claims is decided; their unit tests decide well over a
// thousand, across every path they test. This runs those tests in a child Jest with the
// kernel's `accept` recorded (domain-events/record-accepted-events.ts), seals each event's
// personal fields with the platform's cipher as the event store does before publishing, and
// checks every payload against its published schema. It fails on any event refused, and on
// any published type no domain test decided (the one the tests never reach is decided here
// from the events they did).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decideScholarship,
  evolveScholarship,
  initialScholarshipState,
  type ScholarshipCommand,
  type ScholarshipEvent,
} from '@santunan/claims-domain';
import {
  CLAIMS_PERSONAL_DATA_PATHS,
  CLAIMS_SCHEMA_VERSIONS,
  CONTRIBUTIONS_HISTORY_ONLY_TYPES,
  CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  CONTRIBUTIONS_SCHEMA_VERSIONS,
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  PUBLISHED_EVENT_SCHEMAS,
  eventPayloadSchemas,
  type EventSchemaViolation,
  type ScholarshipInstalmentApproved,
} from '@santunan/contracts';
import {
  InMemorySubjectKeyStore,
  PersonalDataCipher,
  encryptPersonalFields,
} from '@santunan/platform';

const ROOT = path.resolve(__dirname, '../..');
const CONTEXTS = ['enrollment', 'contributions', 'claims'] as const;
/** The version a service stamps on what its decider decides: the current one. */
const VERSIONS: Readonly<Record<string, number>> = {
  ...ENROLLMENT_SCHEMA_VERSIONS,
  ...CONTRIBUTIONS_SCHEMA_VERSIONS,
  ...CLAIMS_SCHEMA_VERSIONS,
};
const PERSONAL: Readonly<Record<string, readonly string[]>> = {
  ...ENROLLMENT_PERSONAL_DATA_PATHS,
  ...CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  ...CLAIMS_PERSONAL_DATA_PATHS,
};
const HISTORY_ONLY: ReadonlySet<string> = new Set(CONTRIBUTIONS_HISTORY_ONLY_TYPES);
/** Enough of one type to see its variety (a sponsor program enrols tens of thousands). */
const PER_TYPE = 500;

interface Decided {
  readonly testFile: string;
  readonly event: { readonly type: string; readonly data: Record<string, unknown> };
}

/** Runs the domain unit tests of the three contexts with the recorder; their events, in order. */
function decidedByDomainTests(): Decided[] {
  const work = mkdtempSync(path.join(os.tmpdir(), 'santunan-domain-events-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const root = require(path.join(ROOT, 'jest.config.js')) as {
      projects: { displayName: string }[];
    };
    const unit = root.projects.find((project) => project.displayName === 'unit');
    const config = path.join(work, 'jest.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        ...unit,
        displayName: 'domain-events',
        setupFilesAfterEnv: [path.join(__dirname, 'domain-events/record-accepted-events.ts')],
        testMatch: CONTEXTS.map((context) => `<rootDir>/libs/${context}/domain/**/*.unit.spec.ts`),
      }),
    );
    const capture = path.join(work, 'events.jsonl');
    writeFileSync(capture, '');
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', config, '--runInBand', '--ci'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 540_000,
        env: { ...process.env, SANTUNAN_CAPTURE_FILE: capture, JEST_WORKER_ID: undefined },
      },
    );
    if (run.status !== 0) {
      throw new Error(
        `the domain unit tests failed (${String(run.status)}):\n${run.stderr.slice(-4_000)}`,
      );
    }
    return readFileSync(capture, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Decided);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * No domain test sends a proposed scholarship instalment back. Decide it here from what they did
 * decide: an entitlement as granted and an application of one of its children approved under
 * it, applied for again with a threshold that wants a checker, and the proposal sent back.
 */
function sentBack(decided: readonly Decided[]): Decided[] {
  const events = decided.map(({ event }) => event);
  for (const approved of events.filter((event) => event.type === 'ScholarshipInstalmentApproved')) {
    const data = approved.data as unknown as ScholarshipInstalmentApproved;
    const granted = events.find(
      (event) =>
        event.type === 'ScholarshipEntitlementGranted' &&
        event.data['entitlementId'] === data.entitlementId &&
        (event.data['children'] as { childId: string }[]).some(
          (child) => child.childId === data.childId,
        ),
    );
    if (granted === undefined) continue;
    const context = { today: data.approval.approvedOn, makerCheckerThreshold: 1 };
    const commands: ScholarshipCommand[] = [
      {
        type: 'DecideScholarshipApplication',
        applicationId: `${data.applicationId}-again`,
        childId: data.childId,
        applicationDate: data.applicationDate,
        schoolYear: data.scholarshipYear,
        level: data.level,
        enrolment: data.enrolment,
        child: { married: false, work: { kind: 'not-working' } },
        documents: data.documents,
        payee: {
          holder: data.payee.holder,
          fullName: data.payee.fullName,
          bankAccount: data.payee.bankAccount,
        },
        officerId: 'maker-of-the-schema-test',
      },
      {
        type: 'SendBackScholarshipInstalment',
        applicationId: `${data.applicationId}-again`,
        supervisorId: 'checker-of-the-schema-test',
        reason: 'the school enrolment letter is of last year',
      },
    ];
    let state = evolveScholarship(
      initialScholarshipState(),
      granted as unknown as ScholarshipEvent,
    );
    const sent: Decided[] = [];
    for (const command of commands) {
      const decision = decideScholarship(command, state, context);
      if (!decision.ok) break;
      state = decision.events.reduce(evolveScholarship, state);
      sent.push(
        ...decision.events.map((event) => ({
          testFile: 'tools/asyncapi/domain-events.int.spec.ts',
          event: event as unknown as Decided['event'],
        })),
      );
    }
    if (sent.some(({ event }) => event.type === 'ScholarshipInstalmentSentBack')) return sent;
  }
  return [];
}

describe('what the domains decide, as the services publish it', () => {
  const refused = new Map<
    string,
    { count: number; testFile: string; errors: readonly EventSchemaViolation[] }
  >();
  const checked = new Map<string, number>();

  beforeAll(async () => {
    const decided = decidedByDomainTests();
    const cipher = new PersonalDataCipher(new InMemorySubjectKeyStore());
    for (const { testFile, event } of [...decided, ...sentBack(decided)]) {
      const seen = checked.get(event.type) ?? 0;
      if (seen >= PER_TYPE) continue;
      checked.set(event.type, seen + 1);
      // The event store seals the declared personal fields with the participant's key.
      const subject =
        typeof event.data['participantId'] === 'string'
          ? event.data['participantId']
          : 'no-participant';
      const sealed = await encryptPersonalFields(
        cipher,
        subject,
        event.data,
        PERSONAL[event.type] ?? [],
      );
      const wire: unknown = JSON.parse(JSON.stringify(sealed));
      const result = eventPayloadSchemas.validate(event.type, VERSIONS[event.type] ?? 1, wire);
      if (result === undefined) {
        refused.set(`${event.type}: not a published type`, { count: 1, testFile, errors: [] });
      } else if (!result.ok) {
        const key = `${event.type}: ${result.errors.map((error) => `${error.field} ${error.constraint}`).join(', ')}`;
        const known = refused.get(key);
        refused.set(key, {
          count: (known?.count ?? 0) + 1,
          testFile: known?.testFile ?? testFile,
          errors: result.errors,
        });
      }
    }
  }, 600_000);

  it('accepts every event the domain tests decide', () => {
    expect(
      [...refused].map(([key, { count, testFile, errors }]) => ({ key, count, testFile, errors })),
    ).toEqual([]);
    expect([...checked.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(1_000);
  });

  it.each(CONTEXTS)('sees every %s event type decided at least once', (context) => {
    const types = PUBLISHED_EVENT_SCHEMAS.filter((entry) => entry.context === context).map(
      (entry) => entry.type,
    );
    // A type kept only for the history it is part of is decided by no decider any more.
    const recorded = types.filter((type) => !HISTORY_ONLY.has(type));
    expect([...new Set(recorded)].filter((type) => !checked.has(type))).toEqual([]);
  });
});
