import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { PayoutSettled } from '@santunan/contracts';
import { signatureHeaders } from '@santunan/contracts';
import {
  eventually,
  testEventKeyring,
  testKafkaConnection,
  testMessaging,
  testSigningKey,
  uniqueName,
} from '@santunan/testing';
import { startFinanceConsumer, type FinanceConsumer } from '@santunan/finance-consumer';
import { benefitPayoutId, payoutsReadModels } from '@santunan/payouts-service';
import {
  ClaimsPublisher,
  TopicRecorder,
  createPayoutsTestWorld,
  jkmDeathApproved,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from '@santunan/payouts-service/testing';
import { exportPeriod } from './exporter';
import { verifyExport } from './ndjson-export';
import { renderReport } from './report';
import { benefitsReport } from './report-reader';
import { replayReadModels } from './replay';
import { parsePosition } from './store-reader';
import { auditTargets, type AuditTargets } from './targets';
import { verifyPlatform } from './verify';

/**
 * The audit library against a real payouts service (HTTP, relay, projections, consumers) fed by
 * a claims store publishing approvals, with the example finance consumer settling payouts: two
 * real event stores, two real topics.
 */
describe('auditing the claims and payouts stores and topics', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  let payouts: PayoutsApp;
  let published: TopicRecorder;
  let bank: FinanceConsumer;
  let targets: AuditTargets;
  let workDir: string;

  const settled = (payoutId: string): boolean =>
    published
      .events('PayoutSettled')
      .some((event) => (event.data as PayoutSettled).payoutId === payoutId);

  /** Approves a JKM death claim and waits until its payout is settled and everything published. */
  async function payOneClaim(): Promise<string> {
    const decision = jkmDeathApproved();
    await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`);
    const payoutId = benefitPayoutId(decision.decisionId, 'heir:h-widow');
    await eventually(() => expect(settled(payoutId)).toBe(true), { timeoutMs: 180_000 });
    await payouts.runtime.waitUntilPublished(180_000);
    return payoutId;
  }

  async function sql(
    url: string,
    statement: string,
    parameters: unknown[] = [],
  ): Promise<unknown[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(statement, parameters)).rows as unknown[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-audit-'));
    world = await createPayoutsTestWorld('audit');
    [claims, payouts, published] = await Promise.all([
      ClaimsPublisher.start(world.claimsService, world.config.claimsTopic),
      startPayoutsApp({ ...world.config, autoBatchIntervalMs: 300 }),
      TopicRecorder.start(testMessaging('audit-int-recorder'), world.config.eventsTopic),
    ]);
    bank = await startFinanceConsumer({
      ...testKafkaConnection(),
      topic: world.config.eventsTopic,
      groupId: uniqueName('int.audit.finance'),
      keyDatabaseUrl: world.keysDb.url,
      keyring: testEventKeyring,
      settle: { topic: world.config.settlementsTopic, valueDate: '2026-03-20' },
      log: () => undefined,
    });
    targets = auditTargets({
      only: ['claims', 'payouts'],
      databaseUrls: { claims: world.claimsDb.url, payouts: world.payoutsDb.url },
      topics: { claims: world.config.claimsTopic, payouts: world.config.eventsTopic },
      keysDatabaseUrl: world.keysDb.url,
      ...testKafkaConnection(),
      keyring: testEventKeyring,
    });
    await payOneClaim();
    await payOneClaim();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([published?.stop(), bank?.stop(), payouts?.close(), claims?.stop()]);
    await world?.drop();
    await fs.rm(workDir, { recursive: true, force: true });
  });

  it('verifies intact stores and topics, counting the events per service', async () => {
    const result = await verifyPlatform(targets);
    expect(result.ok).toBe(true);
    const byService = Object.fromEntries(result.stores.map((store) => [store.service, store]));
    expect(byService['claims']?.eventsVerified).toBe(2);
    expect(byService['payouts']?.eventsVerified).toBeGreaterThanOrEqual(10);
    for (const topic of result.topics) expect(topic.problems).toEqual([]);
    expect(result.topics.find((topic) => topic.service === 'payouts')?.matched).toBe(
      byService['payouts']?.eventsVerified,
    );
  });

  it('exports a period as NDJSON that verifies offline, and names the line of any edit or removal', async () => {
    const file = path.join(workDir, 'export.ndjson');
    const lines: string[] = [];
    const exported = await exportPeriod(
      targets,
      { from: '2020-01-01', to: '2100-12-31' },
      (line) => {
        lines.push(line);
      },
    );
    await fs.writeFile(file, lines.join(''));
    const text = await fs.readFile(file, 'utf8');
    const intact = verifyExport(text);
    expect(intact.problems).toEqual([]);
    expect(intact.eventsVerified).toBe(exported.events);

    const rows = text.trimEnd().split('\n');
    const edited = [...rows];
    edited[3] = (edited[3] ?? '').replace(
      /"amount":(\d+)/,
      (_, amount: string) => `"amount":${Number(amount) + 1}`,
    );
    expect(edited[3]).not.toBe(rows[3]);
    const afterEdit = verifyExport(`${edited.join('\n')}\n`);
    expect(afterEdit.ok).toBe(false);
    expect(afterEdit.problems.map((problem) => problem.line)).toContain(4);

    const removed = rows.filter((_, index) => index !== 5);
    const afterRemoval = verifyExport(`${removed.join('\n')}\n`);
    expect(afterRemoval.ok).toBe(false);
    expect(afterRemoval.problems[0]).toMatchObject({ line: 6 });
    expect(afterRemoval.problems[0]?.detail).toMatch(/removed, inserted or moved/);

    const swapped = [...rows];
    [swapped[2], swapped[3]] = [rows[3] ?? '', rows[2] ?? ''];
    expect(verifyExport(`${swapped.join('\n')}\n`).problems.map((problem) => problem.line)).toEqual(
      expect.arrayContaining([3, 4]),
    );
  });

  it('reports the payouts byte-identically, also after new events when pinned to the first positions', async () => {
    // A report reads behind the transaction horizon (what no in-flight transaction can still
    // change), which may trail the newest commit for a moment.
    const first = await eventually(async () => {
      const report = renderReport(await benefitsReport(targets, { period: '2026' }));
      expect(report).toMatch(/JKM\s+2\s+2\s+84\.000\.000/);
      return report;
    });
    const second = renderReport(await benefitsReport(targets, { period: '2026' }));
    expect(second).toBe(first);
    const pinned = /Read up to event positions: payouts=(\S+)/.exec(first)?.[1];
    expect(pinned).toBeDefined();

    await payOneClaim();
    await eventually(async () =>
      expect(renderReport(await benefitsReport(targets, { period: '2026' }))).toMatch(
        /JKM\s+3\s+3\s+126\.000\.000/,
      ),
    );
    const again = renderReport(
      await benefitsReport(targets, {
        period: '2026',
        at: { payouts: parsePosition(pinned ?? '') },
      }),
    );
    expect(again).toBe(first);
  });

  it('replays the payouts read models equal to the live ones, and lists a changed live row', async () => {
    await payouts.runtime.waitUntilPublished(180_000);
    const equal = await replayReadModels('payouts', world.payoutsDb.url, payoutsReadModels());
    expect(equal.differences).toEqual([]);
    expect(equal.ok).toBe(true);
    expect(equal.projections.find((p) => p.name === 'payout-view')?.tables[0]?.liveRows).toBe(3);

    const [row] = (await sql(
      world.payoutsDb.url,
      'update payout_view set amount = amount + 1 where payout_id = (select payout_id from payout_view order by payout_id limit 1) returning payout_id',
    )) as { payout_id: string }[];
    const changed = await replayReadModels('payouts', world.payoutsDb.url, payoutsReadModels());
    expect(changed.ok).toBe(false);
    expect(changed.differences).toEqual([
      expect.objectContaining({
        table: 'payout_view',
        key: `payout_id="${row?.payout_id}"`,
        kind: 'differs',
        columns: [expect.stringMatching(/^amount: \d+ → \d+$/)],
      }),
    ]);
    await sql(
      world.payoutsDb.url,
      'update payout_view set amount = amount - 1 where payout_id = $1',
      [row?.payout_id],
    );
    const leftover = await sql(
      world.payoutsDb.url,
      "select nspname from pg_namespace where nspname like 'audit_replay_%'",
    );
    expect(leftover).toEqual([]);
  });

  it('catches a copy of a genuine event on the topic that its owner did not sign', async () => {
    const genuine = published.events('PayoutScheduled')[0];
    expect(genuine).toBeDefined();
    // The stored event, byte for byte, hash intact — but signed by claims, not payouts.
    const value = Buffer.from(JSON.stringify(genuine));
    const publisher = await testMessaging('audit-int-copier').createPublisher();
    await publisher.publish(world.config.eventsTopic, [
      {
        key: genuine?.streamId ?? '',
        value,
        headers: signatureHeaders(testSigningKey('claims'), world.config.eventsTopic, value),
      },
    ]);
    await publisher.close();

    const result = await verifyPlatform(targets);
    expect(result.ok).toBe(false);
    expect(result.topics.flatMap((topic) => topic.problems)).toEqual([
      expect.objectContaining({
        kind: 'signature-refused',
        service: 'payouts',
        eventId: genuine?.eventId,
        detail: expect.stringMatching(
          /^SIGNATURE_INVALID: .* is payouts's topic, signed with claims's key "test-claims"/,
        ),
      }),
    ]);
  });

  it('catches a forged message on the topic that differs from the store', async () => {
    const genuine = published.events('PayoutSettled')[0];
    expect(genuine).toBeDefined();
    const forged = { ...genuine, data: { ...(genuine?.data as object), amount: 1 } };
    const publisher = await testMessaging('audit-int-forger').createPublisher();
    await publisher.publish(world.config.eventsTopic, [
      { key: genuine?.streamId ?? '', value: JSON.stringify(forged) },
    ]);
    await publisher.close();

    const result = await verifyPlatform(targets);
    expect(result.ok).toBe(false);
    const problems = result.topics
      .flatMap((topic) => topic.problems)
      .filter((problem) => problem.location !== copiedAt(result));
    // testMessaging signs a PayoutSettled with payouts' key: even the owner's signature does
    // not make an altered event pass, its fields no longer hash to its hash.
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'altered-message',
        service: 'payouts',
        eventId: genuine?.eventId,
        streamId: genuine?.streamId,
        version: genuine?.version,
      }),
    ]);
    expect(result.stores.flatMap((store) => store.problems)).toEqual([]);
  });

  it('catches a payload edited directly in PostgreSQL with its service, stream and version', async () => {
    const [target] = (await sql(
      world.payoutsDb.url,
      "select stream_id, version, data->>'amount' as amount from events where type = 'PayoutScheduled' order by global_position limit 1",
    )) as { stream_id: string; version: number; amount: string }[];
    await sql(
      world.payoutsDb.url,
      `update events set data = jsonb_set(data, '{amount}', '99000000') where stream_id = $1 and version = $2`,
      [target?.stream_id, target?.version],
    );
    const result = await verifyPlatform(targets);
    expect(result.ok).toBe(false);
    const payoutsStore = result.stores.find((store) => store.service === 'payouts');
    expect(payoutsStore?.problems).toEqual([
      expect.objectContaining({
        service: 'payouts',
        kind: 'altered',
        streamId: target?.stream_id,
        version: target?.version,
      }),
    ]);
    expect(payoutsStore?.problems[0]?.detail).toContain(
      `data.amount: ${target?.amount} → 99000000`,
    );
  });
});

/** Where the previous test's unsigned copy sits, so the next one looks only at its own forgery. */
function copiedAt(result: Awaited<ReturnType<typeof verifyPlatform>>): string | null {
  const copy = result.topics
    .flatMap((topic) => topic.problems)
    .find((problem) => problem.detail.includes('signed with claims'));
  return copy?.location ?? null;
}
