// The auditor's pages against a real history: the four services (test/support's platform
// harness) take a JKM death from enrollment to a scheduled payout; the console's audit
// explorer, verify jobs and reveal log then read the four stores, topics, the key database and
// the console's own database — first directly, then through the console app's HTTP pages
// (its real session store, page guard, CSRF check and error pages; the session is written as
// the sign-in would write it, with an HS256 token the console verifies in its test mode).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Pool } from 'pg';
import request from 'supertest';
import {
  auditTargets,
  NotFoundError,
  verifyPlatform,
  type AuditTargets,
  type PlatformVerification,
} from '@santunan/audit';
import {
  PlatformDatabase,
  ServiceRuntime,
  authConfig,
  mintAccessToken,
  type Role,
} from '@santunan/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@santunan/testing';
import { auditConnectionsOf } from '../../../../test/support/audit-connections';
import {
  PATIENCE,
  approvedJkmDeath,
  claimsOfficer,
  supervisor,
  type ApprovedDeath,
} from '../../../../test/support/jkm-death-flow';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type SantunanPlatform,
} from '../../../../test/support/santunan-platform';
import { consoleTestConfig } from '../testing/console-test-config';
import { createConsoleApp, SESSION_COOKIE } from '../console-app';
import { openConsoleDatabase, SESSION_TABLE } from '../database/console-database';
import { formatRupiah } from '../i18n/format';
import { AuditExplorer, todayInJakarta } from './audit-explorer';
import { RevealLog } from './reveal-log';
import { VerifyJobs } from './verify-jobs';

const MASKED = '[personal data: masked]';
const TOKEN_SECRET = 'santunan-console-audit-test-secret-of-enough-length';
const SESSION_SECRET = 'santunan-console-audit-session-secret-0123456789';

describe('the console reads the audit trail: explain, as-of, verify, reveals', () => {
  let platform: SantunanPlatform;
  let claimsProbe: PlatformDatabase;
  let consoleDb: TestDatabase;
  let targets: AuditTargets;
  let explorer: AuditExplorer;
  let reveals: RevealLog;
  let consolePool: Pool;
  let death: ApprovedDeath;
  let payoutId: string;

  beforeAll(async () => {
    [platform, consoleDb] = await Promise.all([
      startSantunanPlatform({ label: 'console_audit' }),
      createTestDatabase('console_audit_console'),
    ]);
    claimsProbe = await new PlatformDatabase({
      url: platform.databases.claims,
      poolSize: 1,
    }).open();
    targets = auditTargets(auditConnectionsOf(platform), {});
    explorer = new AuditExplorer(targets);
    consolePool = new Pool({ connectionString: consoleDb.url, max: 2 });
    reveals = await RevealLog.prepare(consolePool);
    death = await approvedJkmDeath(platform, claimsProbe, {
      nik: '5371012003850002',
      fullName: 'Markus Ndolu',
      birthDate: '1985-03-20',
      sex: 'male',
      widow: { fullName: 'Agustina Ndolu', birthDate: '1987-06-11' },
      account: { bankCode: 'BNI', accountNumber: '0099887766' },
    });
    // Payouts schedules the payout from claims.events on its own.
    payoutId = await eventually(async () => {
      const view = await explorer.explain('claim', death.claimId, () => false);
      expect(view.explanation.payouts).toHaveLength(1);
      return view.explanation.payouts[0]?.payoutId ?? '';
    }, PATIENCE);
    for (const service of SERVICE_NAMES) {
      await platform.apps[service].get(ServiceRuntime).waitUntilPublished(180_000);
    }
  }, 240_000);

  afterAll(async () => {
    await consolePool?.end();
    await claimsProbe?.close();
    await Promise.allSettled([platform?.stop(), consoleDb?.drop()]);
  });

  it('explains a payout back to the decision, the contribution paid and the enrollment, masked', async () => {
    const view = await explorer.explain('payout', payoutId, () => false);
    expect(view).toMatchObject({
      claimId: death.claimId,
      participantId: death.participantId,
      revealed: false,
    });
    const { explanation } = view;
    expect(explanation.decision).toMatchObject({
      decisionId: death.decisionId,
      claimId: death.claimId,
      total: death.total,
      approval: { makerId: claimsOfficer.id, checkerId: supervisor.id },
    });
    expect(explanation.decision?.components.length).toBeGreaterThan(0);
    expect(explanation.contributions.map((paid) => [paid.month, paid.paymentReference])).toEqual([
      [death.month, death.paymentReference],
    ]);
    expect(explanation.participant?.details['fullName']).toBe(MASKED);
    expect(explanation.participant?.events.map((step) => step.type)).toContain(
      'ParticipantRegistered',
    );
    // Every event shown hashes to itself and links to the one before it.
    expect(view.chain.broken).toEqual([]);
    expect(view.chain.verified).toBe(view.chain.events);
    expect(view.chain.events).toBeGreaterThanOrEqual(10);
    expect(explanation.claimEvents.every((step) => step.chainLinked === true)).toBe(true);
  });

  it('opens the personal data only for the participant this auditor revealed', async () => {
    const other = await explorer.explain('payout', payoutId, (id) => id === 'someone-else');
    expect(other.revealed).toBe(false);
    const opened = await explorer.explain('payout', payoutId, (id) => id === death.participantId);
    expect(opened.revealed).toBe(true);
    expect(opened.explanation.participant?.details).toMatchObject({
      fullName: 'Markus Ndolu',
      nik: '5371012003850002',
    });
    expect(opened.explanation.payouts[0]?.beneficiary['fullName']).toBe('Agustina Ndolu');
  });

  it('explains a claim with its payout, and says when an id is unknown', async () => {
    const view = await explorer.explain('claim', death.claimId, () => false);
    expect(view.explanation.payouts.map((payout) => payout.payoutId)).toEqual([payoutId]);
    expect(view.participantId).toBe(death.participantId);
    await expect(explorer.explain('payout', 'no-such-payout', () => false)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('shows the participant as known at a date, masked or revealed', async () => {
    const today = todayInJakarta(new Date(platform.clock.now()));
    const masked = await explorer.participantAsOf(death.participantId, today, false);
    expect(masked.revealed).toBe(false);
    expect(masked.view.state).toMatchObject({
      details: { fullName: MASKED },
      coverage: { paidMonths: [death.month] },
    });
    expect(masked.claimIds).toEqual([death.claimId]);
    expect(masked.chain.broken).toEqual([]);
    const revealed = await explorer.participantAsOf(death.participantId, today, true);
    expect(revealed.revealed).toBe(true);
    expect(revealed.view.state).toMatchObject({ details: { fullName: 'Markus Ndolu' } });
    const before = await explorer.participantAsOf(death.participantId, '2001-01-01', false);
    expect(before.view.known).toEqual([]);
    expect(before.claimIds).toEqual([]);
  });

  it('records each reveal with who, whom, when and why, and never lets one be changed', async () => {
    const first = await reveals.record({
      auditorId: 'auditor-sari',
      auditorName: 'Sari Auditor',
      participantId: death.participantId,
      reason: '  Pemeriksaan BPK 2026: sampel klaim JKM  ',
    });
    expect(first).toMatchObject({
      auditorId: 'auditor-sari',
      participantId: death.participantId,
      reason: 'Pemeriksaan BPK 2026: sampel klaim JKM',
    });
    await reveals.record({
      auditorId: 'auditor-tono',
      auditorName: 'Tono',
      participantId: death.participantId,
      reason: 'second look',
    });
    const logged = await reveals.ofParticipant(death.participantId);
    expect(logged.map((reveal) => reveal.auditorId)).toEqual(['auditor-tono', 'auditor-sari']);
    await expect(reveals.record({ ...first, reason: '   ' })).rejects.toThrow(/reason/);

    const client = new Client({ connectionString: consoleDb.url });
    await client.connect();
    try {
      await expect(client.query('delete from audit_reveals')).rejects.toThrow(/append-only/);
      await expect(client.query("update audit_reveals set reason = 'x'")).rejects.toThrow(
        /append-only/,
      );
      // The table's check holds for whoever inserts, not only through the console's code.
      await expect(
        client.query(
          "insert into audit_reveals values (gen_random_uuid(), 'a', 'a', 'p', ' ', now())",
        ),
      ).rejects.toThrow(/check/);
    } finally {
      await client.end();
    }
    // Opening again (another console process starting) keeps the log.
    const again = await RevealLog.prepare(consolePool);
    expect(await again.ofParticipant(death.participantId)).toHaveLength(2);
  });

  it('verifies the four stores and topics in the background, with progress, one run at a time', async () => {
    const jobs = new VerifyJobs(targets, verifyPlatform);
    const job = jobs.start('auditor-sari');
    expect(job.status).toBe('running');
    expect(jobs.start('auditor-tono').jobId).toBe(job.jobId);
    await jobs.idle();
    const done = jobs.find(job.jobId);
    expect(done).toMatchObject({ status: 'done', fraction: 1, error: null });
    expect(done?.result?.ok).toBe(true);
    expect(done?.stores.map((store) => [store.service, store.status])).toEqual(
      SERVICE_NAMES.map((service) => [service, 'verified']),
    );
    for (const store of done?.stores ?? []) expect(store.eventsVerified).toBeGreaterThan(0);
    expect(done?.topics?.read).toBe(done?.topics?.total);
    expect(jobs.start('auditor-sari').jobId).not.toBe(job.jobId);
    await jobs.idle();
  });

  describe('through the console app', () => {
    let app: NestExpressApplication;
    let sessions: Pool;
    const saved: Record<string, string | undefined> = {};

    /** What the sign-in stores for a user: their tokens, identity and form token. */
    async function signedIn(
      id: string,
      roles: Role[],
      name = id,
    ): Promise<{ cookie: string; csrf: string }> {
      const sid = randomUUID();
      const csrf = randomBytes(32).toString('base64url');
      const accessToken = mintAccessToken(
        { subject: id, roles, ttl: '1h' },
        authConfig({ secret: TOKEN_SECRET }),
      );
      const expires = new Date(Date.now() + 3_600_000);
      const sess = {
        cookie: { originalMaxAge: 3_600_000, expires, httpOnly: true, path: '/', sameSite: 'lax' },
        user: { id, name, username: id, roles },
        tokens: {
          accessToken,
          refreshToken: null,
          idToken: null,
          expiresAt: Math.floor(expires.getTime() / 1000),
        },
        csrfToken: csrf,
      };
      await sessions.query(`insert into ${SESSION_TABLE} (sid, sess, expire) values ($1, $2, $3)`, [
        sid,
        JSON.stringify(sess),
        expires,
      ]);
      // express-session's signed cookie: s:<sid>.<HMAC-SHA256 of sid, base64 without padding>.
      const signature = createHmac('sha256', SESSION_SECRET)
        .update(sid)
        .digest('base64')
        .replace(/=+$/, '');
      return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(`s:${sid}.${signature}`)}`, csrf };
    }

    const server = () => request(app.getHttpServer());

    beforeAll(async () => {
      // The console finds the stores as the services do: this run's databases and topics.
      const env: Record<string, string> = {
        ENROLLMENT_DATABASE_URL: platform.databases.enrollment,
        CONTRIBUTIONS_DATABASE_URL: platform.databases.contributions,
        CLAIMS_DATABASE_URL: platform.databases.claims,
        PAYOUTS_DATABASE_URL: platform.databases.payouts,
        KEYS_DATABASE_URL: platform.databases.keys,
        ENROLLMENT_EVENTS_TOPIC: platform.topics.enrollmentEvents,
        CONTRIBUTIONS_EVENTS_TOPIC: platform.topics.contributionsEvents,
        CLAIMS_EVENTS_TOPIC: platform.topics.claimsEvents,
        PAYOUTS_EVENTS_TOPIC: platform.topics.payoutsEvents,
        KAFKA_BROKERS: targets.kafkaBrokers.join(','),
        AUTH_MODE: 'hs256',
        AUTH_JWT_SECRET: TOKEN_SECRET,
      };
      for (const [name, value] of Object.entries(env)) {
        saved[name] = process.env[name];
        process.env[name] = value;
      }
      const config = consoleTestConfig({
        databaseUrl: consoleDb.url,
        services: platform.urls,
        sessionSecret: SESSION_SECRET,
      });
      sessions = await openConsoleDatabase(consoleDb.url);
      app = await createConsoleApp(config, sessions, { logger: false });
      await app.init();
    });

    afterAll(async () => {
      await app?.close();
      await sessions?.end();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it('shows a non-auditor the 403 page, on every audit route', async () => {
      const officer = await signedIn('claims-officer-ani', ['claims-officer']);
      for (const path of [
        '/audit',
        `/audit/payouts/${payoutId}`,
        `/audit/participants/${death.participantId}`,
      ]) {
        const page = await server().get(path).set('Cookie', officer.cookie).expect(403);
        expect(page.text).toContain('Akses ditolak');
        // Nothing of the stores: no event, no chain mark, no participant data.
        expect(page.text).not.toMatch(/ParticipantRegistered|Rantai hash|ID keputusan/);
      }
      await server()
        .post('/audit/verify')
        .set('Cookie', officer.cookie)
        .type('form')
        .send({ _csrf: officer.csrf })
        .expect(403);
      // A session claiming the role without a token that carries it is refused too.
      const forged = await signedIn('mallory', ['claims-officer']);
      await sessions.query(
        `update ${SESSION_TABLE} set sess = jsonb_set(sess::jsonb, '{user,roles}', '["auditor"]')::json
          where sess->'user'->>'id' = 'mallory'`,
      );
      const refused = await server().get('/audit').set('Cookie', forged.cookie).expect(403);
      expect(refused.text).toContain('Akses ditolak');
    });

    it('starts with the explain, verify and as-of forms, each carrying the form token', async () => {
      const auditor = await signedIn('auditor-sari', ['auditor'], 'Sari Wulandari');
      const page = await server().get('/audit').set('Cookie', auditor.cookie).expect(200);
      for (const action of [
        '/audit/explain/payout',
        '/audit/explain/claim',
        '/audit/verify',
        '/audit/as-of',
      ]) {
        expect(page.text).toContain(`action="${action}"`);
      }
      expect(page.text.match(/name="_csrf" value="([^"]+)"/g)?.length).toBeGreaterThanOrEqual(4);
      expect(page.text).toContain(`value="${auditor.csrf}"`);
      expect(page.text).toContain('<label for="f-payoutId">ID pembayaran');

      const empty = await server()
        .post('/audit/explain/payout')
        .set('Cookie', auditor.cookie)
        .type('form')
        .send({ _csrf: auditor.csrf, payoutId: '  ' })
        .expect(303);
      expect(empty.headers['location']).toBe('/audit');
      const again = await server().get('/audit').set('Cookie', auditor.cookie).expect(200);
      expect(again.text).toMatch(/id="f-payoutId-error">Wajib diisi\./);
      const found = await server()
        .post('/audit/explain/payout')
        .set('Cookie', auditor.cookie)
        .type('form')
        .send({ _csrf: auditor.csrf, payoutId })
        .expect(303);
      expect(found.headers['location']).toBe(`/audit/payouts/${payoutId}`);
      await server()
        .post('/audit/explain/payout')
        .set('Cookie', auditor.cookie)
        .type('form')
        .send({ payoutId })
        .expect(403);
    });

    it('shows the explanation with links from the payout to the decision, contributions and enrollment', async () => {
      const auditor = await signedIn('auditor-sari', ['auditor']);
      const page = await server()
        .get(`/audit/payouts/${payoutId}`)
        .set('Cookie', auditor.cookie)
        .expect(200);
      const html = page.text;
      expect(html).toContain('Rantai hash terverifikasi');
      expect(html).toContain(`href="/audit/claims/${death.claimId}"`);
      expect(html).toContain(`href="/audit/participants/${death.participantId}"`);
      expect(html).toContain('href="#decision"');
      expect(html).toContain(`id="decision-maker">${claimsOfficer.id}<`);
      expect(html).toContain(`id="decision-checker">${supervisor.id}<`);
      expect(html).toContain(formatRupiah(death.total));
      expect(html).toContain(death.paymentReference);
      expect(html).toContain(MASKED);
      expect(html).not.toContain('Markus Ndolu');
      expect(html).not.toMatch(/Hash tidak cocok|Rantai putus/);
      expect(html).toContain('<th scope="col">Rumus</th>');

      const english = await server()
        .get(`/audit/claims/${death.claimId}`)
        .set('Cookie', `${auditor.cookie}; lang=en`)
        .expect(200);
      expect(english.text).toContain(`Explanation of claim ${death.claimId}`);
      expect(english.text).toContain('Hash chain verified');
      await server().get('/audit/payouts/no-such-payout').set('Cookie', auditor.cookie).expect(404);
      await server().get('/audit/payouts/%3Cscript%3E').set('Cookie', auditor.cookie).expect(404);
    });

    it('reveals personal data only with a reason, records it, and shows it to that auditor only', async () => {
      const sari = await signedIn('auditor-sari', ['auditor'], 'Sari Wulandari');
      const path = `/audit/participants/${death.participantId}`;
      const masked = await server().get(path).set('Cookie', sari.cookie).expect(200);
      expect(masked.text).toContain(MASKED);
      expect(masked.text).not.toContain('Markus Ndolu');

      const reveal = (reason: string, returnTo = path) =>
        server()
          .post(`${path}/reveal`)
          .set('Cookie', sari.cookie)
          .type('form')
          .send({ _csrf: sari.csrf, reason, returnTo });
      expect((await reveal('   ').expect(303)).headers['location']).toBe(path);
      const refused = await server().get(path).set('Cookie', sari.cookie).expect(200);
      expect(refused.text).toMatch(/id="f-reason-error">Tuliskan alasan membuka data pribadi\./);
      expect(refused.text).toContain('aria-invalid="true"');
      expect(refused.text).not.toContain('Markus Ndolu');

      const reason = 'BPK sample <script>alert(1)</script>';
      expect((await reveal(reason).expect(303)).headers['location']).toBe(path);
      const opened = await server().get(path).set('Cookie', sari.cookie).expect(200);
      expect(opened.text).toContain('Data pribadi dibuka; pembukaan ini dicatat.');
      expect(opened.text).toContain('id="participant-name">Markus Ndolu<');
      expect(opened.text).toContain('5371012003850002');
      // What the auditor typed is shown as text, never run.
      expect(opened.text).toContain('BPK sample &lt;script>alert(1)&lt;/script>');
      expect(opened.text).not.toContain('<script>alert(1)</script>');
      const logged = await reveals.ofParticipant(death.participantId);
      expect(logged[0]).toMatchObject({
        auditorId: 'auditor-sari',
        auditorName: 'Sari Wulandari',
        participantId: death.participantId,
        reason,
      });
      // The explanation opens for her too; a returnTo off the site is not followed.
      const explained = await server()
        .get(`/audit/payouts/${payoutId}`)
        .set('Cookie', sari.cookie)
        .expect(200);
      expect(explained.text).toContain('Markus Ndolu');
      expect((await reveal('again', 'https://evil.example/').expect(303)).headers['location']).toBe(
        path,
      );

      const tono = await signedIn('auditor-tono', ['auditor']);
      const other = await server().get(path).set('Cookie', tono.cookie).expect(200);
      expect(other.text).not.toContain('Markus Ndolu');
      expect(other.text).toContain('Sari Wulandari');
    });

    it('shows the participant as of a date, and refuses a date that is not one', async () => {
      const auditor = await signedIn('auditor-tono', ['auditor']);
      const path = `/audit/participants/${death.participantId}`;
      const before = await server()
        .get(`${path}?at=2001-01-01`)
        .set('Cookie', auditor.cookie)
        .expect(200);
      expect(before.text).toContain('Belum terdaftar pada tanggal ini.');
      await server().get(`${path}?at=2026-02-30`).set('Cookie', auditor.cookie).expect(404);
      const asOf = await server()
        .post('/audit/as-of')
        .set('Cookie', auditor.cookie)
        .type('form')
        .send({ _csrf: auditor.csrf, participantId: death.participantId, at: '2030-12-31' })
        .expect(303);
      expect(asOf.headers['location']).toBe(`${path}?at=2030-12-31`);
      const later = await server()
        .get(`${path}?at=2030-12-31`)
        .set('Cookie', auditor.cookie)
        .expect(200);
      expect(later.text).toContain(`href="/audit/claims/${death.claimId}"`);
    });

    it('verifies on demand: 303 to a progress page that refreshes itself until the result', async () => {
      const auditor = await signedIn('auditor-sari', ['auditor']);
      const started = await server()
        .post('/audit/verify')
        .set('Cookie', auditor.cookie)
        .type('form')
        .send({ _csrf: auditor.csrf })
        .expect(303);
      const location = String(started.headers['location']);
      expect(location).toMatch(/^\/audit\/verify\/[0-9a-f-]{36}$/);
      const done = await eventually(async () => {
        const page = await server().get(location).set('Cookie', auditor.cookie).expect(200);
        expect(page.text).toContain('<progress');
        if (page.text.includes('id="verify-running"')) expect(page.headers['refresh']).toBe('2');
        expect(page.text).toContain('id="verify-result"');
        return page;
      }, PATIENCE);
      expect(done.headers['refresh']).toBeUndefined();
      expect(done.text).toContain('Terverifikasi:');
      expect(done.text).toContain('Tidak ada rantai putus.');
      expect(done.text).toContain('Tidak ada ketidakcocokan topik.');
      expect(done.text).toContain('value="100"');
      await server().get('/audit/verify/no-such-job').set('Cookie', auditor.cookie).expect(404);
    });
  });

  // Last: it alters the claims store.
  it('shows an event edited in PostgreSQL as a break, in verify and on the explanation', async () => {
    const client = new Client({ connectionString: platform.databases.claims });
    await client.connect();
    try {
      await client.query(
        `update events set data = jsonb_set(data, '{total}', '99000000')
          where stream_id = $1 and type = 'ClaimApproved'`,
        [`claim-${death.claimId}`],
      );
    } finally {
      await client.end();
    }
    const jobs = new VerifyJobs(targets, verifyPlatform);
    const job = jobs.start('auditor-sari');
    await jobs.idle();
    const result = jobs.find(job.jobId)?.result as PlatformVerification;
    expect(result.ok).toBe(false);
    expect(result.stores.find((store) => store.service === 'claims')?.problems).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: `claim-${death.claimId}` }),
    ]);
    const view = await explorer.explain('claim', death.claimId, () => false);
    expect(view.chain.broken.map((step) => step.type)).toEqual(['ClaimApproved']);
  });
});
