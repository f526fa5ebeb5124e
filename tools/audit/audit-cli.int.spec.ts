import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { EventKeyring } from '@santunan/contracts';
import { grantTestAuditAccess, testEventKeyring, testKafkaBrokers } from '@santunan/testing';
import {
  ClaimsPublisher,
  createPayoutsTestWorld,
  jkmDeathApproved,
  type PayoutsTestWorld,
} from '@santunan/payouts-service/testing';
import { typeScriptEntry } from '../platform/services';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real entry, as `npm run -s audit -- …` starts it. */
async function audit(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [...typeScriptEntry('tools/audit/main.ts'), ...args],
      {
        cwd: ROOT,
        // The test keyring, so the topic's signatures are checked (and never the keyring a
        // local `npm run platform` left in .local/keys).
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'tsconfig.json',
          EVENT_PUBLIC_KEYS: JSON.stringify(EventKeyring.document(testEventKeyring.keys)),
        },
        timeout: 90_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the audit command line', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let connection: string[];

  beforeAll(async () => {
    // The CLI reads the topics as the audit principal (AUDIT_KAFKA_* in its environment).
    await grantTestAuditAccess();
    world = await createPayoutsTestWorld('auditcli');
    claims = await ClaimsPublisher.start(world.claimsService, world.config.claimsTopic);
    for (const decision of [jkmDeathApproved(), jkmDeathApproved()]) {
      await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    }
    connection = [
      '--service',
      'claims',
      '--claims-database-url',
      world.claimsDb.url,
      '--claims-topic',
      world.config.claimsTopic,
      '--brokers',
      testKafkaBrokers().join(','),
    ];
  }, 300_000);

  afterAll(async () => {
    await claims?.stop();
    await world?.drop();
  });

  it('answers --help for every command, and refuses an unknown one', async () => {
    const main = await audit('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/verify .*export .*report .*explain .*as-of .*replay/s);
    for (const command of ['verify', 'export', 'report', 'explain', 'as-of', 'replay']) {
      const help = await audit(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`npm run -s audit -- ${command}`);
    }
    expect((await audit('frobnicate')).code).toBe(2);
  }, 300_000);

  it('reports a sponsor program only from a store that holds it: exit 3 naming the program otherwise', async () => {
    // The claims store stands in for a contributions store without the program.
    const missing = await audit(
      'report',
      '--program',
      'no-such-program',
      '--contributions-database-url',
      world.claimsDb.url,
    );
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no sponsor program no-such-program');
  });

  it('exits 0 on an intact store and topic, and 1 naming the stream and version of an edited row', async () => {
    const intact = await audit('verify', ...connection);
    expect(intact.stderr).not.toMatch(/failed/);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('store claims: 2 events in 2 streams verified, chains intact');
    expect(intact.stdout).toMatch(/verify: OK/);
    expect(intact.stdout).not.toMatch(/signatures not checked/);

    const client = new Client({ connectionString: world.claimsDb.url });
    await client.connect();
    const { rows } = await client.query<{ stream_id: string }>(
      `update events set data = jsonb_set(data, '{total}', '1')
        where global_position = (select min(global_position) from events) returning stream_id`,
    );
    await client.end();
    const streamId = rows[0]?.stream_id;

    const tampered = await audit('verify', ...connection);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `TAMPERED service=claims stream=${streamId} version=1 kind=altered`,
    );
    expect(tampered.stdout).toMatch(/data\.total: \d+ → 1/);
    expect(tampered.stdout).toMatch(/verify: FAILED/);
  }, 300_000);
});
