// Issue 9, done when: `explain` of a payout from an end-to-end flow names the contribution
// payments behind it. The four real services run together (test/support/santunan-platform.ts);
// the flow is the one of test/claim-to-payout.e2e.spec.ts over HTTP (enrol → pay → claim →
// approve → bank settles), then the auditor reads the four stores and topics.
import { randomUUID } from 'node:crypto';
import type { PayoutInstructed, PayoutScheduled, PayoutSettled } from '@santunan/contracts';
import {
  PlatformDatabase,
  ServiceRuntime,
  type EventEnvelope,
  type MessagePublisher,
  type Role,
} from '@santunan/platform';
import { eventually, testKafkaBrokers, testMessaging } from '@santunan/testing';
import request from 'supertest';
import {
  asOf,
  auditTargets,
  benefitsReport,
  explain,
  maskingReader,
  personalDataReader,
  renderReport,
  verifyPlatform,
  type AuditTargets,
} from '@santunan/audit';
import { reportSettlement, settlementReport } from '../apps/payouts/src/testing/settlement-reports';
import { TopicRecorder } from '../apps/payouts/src/testing/topic-recorder';
import { runAudit } from '../tools/audit/cli';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type SantunanPlatform,
  type ServiceName,
} from './support/santunan-platform';

const MONTHLY_CONTRIBUTION = 16_800;
const PATIENCE = { timeoutMs: 40_000 };

interface User {
  readonly id: string;
  readonly role: Role;
}
const enrollmentOfficer: User = { id: 'enrol-officer-yustina', role: 'enrollment-officer' };
const claimsOfficer: User = { id: 'claims-officer-ani', role: 'claims-officer' };
const supervisor: User = { id: 'claims-supervisor-budi', role: 'claims-supervisor' };
const finance: User = { id: 'finance-fransiska', role: 'finance' };

describe('the auditor explains a payout from an end-to-end flow back to the contributions behind it', () => {
  let platform: SantunanPlatform;
  let payoutsEvents: TopicRecorder;
  let bank: MessagePublisher;
  let claimsProbe: PlatformDatabase;
  let targets: AuditTargets;
  let flow: {
    participantId: string;
    claimId: string;
    payoutId: string;
    month: string;
    reference: string;
  };

  beforeAll(async () => {
    platform = await startSantunanPlatform({ label: 'audit_explain', autoBatchIntervalMs: 300 });
    const messaging = testMessaging('e2e-audit-explain');
    [payoutsEvents, bank, claimsProbe] = await Promise.all([
      TopicRecorder.start(messaging, platform.topics.payoutsEvents),
      messaging.createPublisher(),
      new PlatformDatabase({ url: platform.databases.claims, poolSize: 1 }).open(),
    ]);
    targets = auditTargets({
      databaseUrls: {
        enrollment: platform.databases.enrollment,
        contributions: platform.databases.contributions,
        claims: platform.databases.claims,
        payouts: platform.databases.payouts,
      },
      topics: {
        enrollment: platform.topics.enrollmentEvents,
        contributions: platform.topics.contributionsEvents,
        claims: platform.topics.claimsEvents,
        payouts: platform.topics.payoutsEvents,
      },
      keysDatabaseUrl: platform.databases.keys,
      kafkaBrokers: testKafkaBrokers(),
    });
    flow = await settledJkmDeath();
    // Everything appended is on the topics before the auditor compares them.
    for (const service of SERVICE_NAMES) {
      await platform.apps[service].get(ServiceRuntime).waitUntilPublished(20_000);
    }
  }, 240_000);

  afterAll(async () => {
    await claimsProbe?.close();
    await Promise.allSettled([payoutsEvents?.stop(), bank?.close(), platform?.stop()]);
  });

  function as(user: User, service: ServiceName) {
    const authorization = platform.bearer([user.role], user.id);
    const server = request(platform.urls[service]);
    return {
      get: (path: string) => server.get(path).set('Authorization', authorization),
      post: (path: string, body: object = {}) =>
        server.post(path).set('Authorization', authorization).send(body),
      put: (path: string, body: object) =>
        server.put(path).set('Authorization', authorization).send(body),
    };
  }

  const today = (): string => platform.clock.today();

  function published<Data>(type: string, where: (data: Data) => boolean): Data[] {
    return payoutsEvents
      .events(type as never)
      .map((event: EventEnvelope) => event.data as Data)
      .filter(where);
  }

  /** The first flow of claim-to-payout.e2e.spec.ts: a self-paying BPU in Kota Kupang dies. */
  async function settledJkmDeath() {
    const month = today().slice(0, 7);
    const enrollment = as(enrollmentOfficer, 'enrollment');
    const registered = await enrollment
      .post('/participants', {
        nik: '5371011508900001',
        fullName: 'Yohanes Bria',
        birthDate: '1990-08-15',
        sex: 'male',
        address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
        phone: '+6281234567890',
        occupation: 'nelayan',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: month,
      })
      .expect(201);
    const participantId = (registered.body as { participantId: string }).participantId;
    const heirId = randomUUID();
    await enrollment
      .put(`/participants/${participantId}/heirs`, {
        heirs: [
          {
            heirId,
            fullName: 'Maria Bria',
            relationship: 'spouse',
            birthDate: '1991-03-01',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: '0011223344',
              accountName: 'Maria Bria',
            },
          },
        ],
      })
      .expect(200);

    await eventually(async () => {
      const coverage = await as(claimsOfficer, 'contributions')
        .get(`/participants/${participantId}/coverage`)
        .expect(200);
      expect(coverage.body).toMatchObject({
        dues: [{ month, total: MONTHLY_CONTRIBUTION, status: 'unpaid' }],
      });
    }, PATIENCE);
    const reference = `VA-${participantId}`;
    await as(finance, 'contributions')
      .post(`/participants/${participantId}/self-payments`, {
        paymentReference: reference,
        firstMonth: month,
        months: 1,
        amount: MONTHLY_CONTRIBUTION,
        paidAt: platform.clock.now(),
        paidOn: today(),
      })
      .expect(200);

    await eventually(async () => {
      const [known] = await claimsProbe.query<{ heirs: number; paid: number }>(
        `select jsonb_array_length(h.heirs) as heirs,
                jsonb_array_length(c.coverage->'paidMonths') as paid
           from participants p
           join participant_heirs h using (participant_id)
           join participant_coverage c using (participant_id)
          where p.participant_id = $1`,
        [participantId],
      );
      expect(known).toEqual({ heirs: 1, paid: 1 });
    }, PATIENCE);

    const maker = as(claimsOfficer, 'claims');
    const submitted = await maker
      .post('/claims/jkm', {
        participantId,
        dateOfDeath: today(),
        claimant: { kind: 'heir', fullName: 'Maria Bria', relationship: 'spouse' },
        lodgedOn: today(),
      })
      .expect(201);
    const { claimId, documents } = submitted.body as {
      claimId: string;
      documents: { required: string[] };
    };
    for (const document of documents.required) {
      await maker
        .post(`/claims/${claimId}/documents`, {
          document,
          reference: `arsip/${claimId}/${document}.pdf`,
          receivedOn: today(),
        })
        .expect(200);
    }
    const proposed = await maker
      .post(`/claims/${claimId}/decisions`, { nominatedPayeeId: heirId })
      .expect(201);
    const { decisionId } = (proposed.body as { decision: { decisionId: string } }).decision;
    await as(supervisor, 'claims')
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .expect(200);

    const scheduled = await eventually(() => {
      const [found] = published<PayoutScheduled>(
        'PayoutScheduled',
        (data) => data.decision.decisionId === decisionId,
      );
      expect(found).toBeDefined();
      return found!;
    }, PATIENCE);
    const instruction = await eventually(() => {
      const [found] = published<PayoutInstructed>(
        'PayoutInstructed',
        (data) => data.payoutId === scheduled.payoutId,
      );
      expect(found).toBeDefined();
      return found!;
    }, PATIENCE);
    await reportSettlement(
      bank,
      platform.topics.payoutSettlements,
      settlementReport({
        payoutId: instruction.payoutId,
        batchId: instruction.batchId,
        amount: instruction.amount,
        bankReference: `BRI-TRX-${instruction.payoutId}`,
        valueDate: today(),
        reportedAt: platform.clock.now(),
      }),
    );
    await eventually(() => {
      expect(
        published<PayoutSettled>('PayoutSettled', (data) => data.payoutId === scheduled.payoutId),
      ).toHaveLength(1);
    }, PATIENCE);
    return { participantId, claimId, payoutId: scheduled.payoutId, month, reference };
  }

  it('explains the payout: decision, maker and checker, eligibility, the contribution payment and the enrollment', async () => {
    const personal = await personalDataReader(platform.databases.keys);
    try {
      const explanation = await explain(targets, { kind: 'payout', id: flow.payoutId }, personal);
      expect(explanation.payouts[0]).toMatchObject({
        payoutId: flow.payoutId,
        status: 'settled',
        amount: 10_000_000,
      });
      expect(explanation.decision).toMatchObject({
        claimId: flow.claimId,
        program: 'jkm',
        approval: { mode: 'maker-checker', makerId: claimsOfficer.id, checkerId: supervisor.id },
      });
      expect(
        explanation.decision?.components.every((component) => component.legalBasis !== ''),
      ).toBe(true);
      expect(explanation.contributions).toEqual([
        expect.objectContaining({
          month: flow.month,
          payer: 'self',
          paymentReference: flow.reference,
          amount: MONTHLY_CONTRIBUTION,
          evidence: expect.objectContaining({
            service: 'contributions',
            type: 'ContributionPaid',
            hashVerified: true,
          }),
        }),
      ]);
      expect(explanation.participant?.details).toMatchObject({
        fullName: 'Yohanes Bria',
        nik: '5371011508900001',
      });
      expect(explanation.payouts[0]?.events.map((step) => step.type)).toEqual(
        expect.arrayContaining(['PayoutScheduled', 'PayoutInstructed', 'PayoutSettled']),
      );
    } finally {
      await personal.close();
    }

    // Through the CLI's own code, for people: the payment reference and month are named.
    const out: string[] = [];
    const code = await runAudit(['explain', 'payout', flow.payoutId, ...cliConnections()], {
      out: (text) => void out.push(text),
      err: () => undefined,
      env: {},
    });
    expect(code).toBe(0);
    const text = out.join('');
    expect(text).toContain(`payment reference ${flow.reference}`);
    expect(text).toMatch(new RegExp(`${flow.month}: Rp16\\.800 paid \\S+ by self`));
    expect(text).toContain(`maker ${claimsOfficer.id}, checker ${supervisor.id}`);
    expect(text).toContain('Yohanes Bria');

    // Without the key database, personal data stays masked.
    const masked = await explain(targets, { kind: 'payout', id: flow.payoutId }, maskingReader());
    expect(masked.personalData).toBe('masked');
    expect(masked.participant?.details['fullName']).toBe('[personal data: masked]');
  });

  it('verifies the four stores and their topics', async () => {
    const result = await verifyPlatform(targets);
    expect(result.topics.flatMap((topic) => topic.problems)).toEqual([]);
    expect(result.stores.flatMap((store) => store.problems)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.stores.map((store) => store.service)).toEqual([...SERVICE_NAMES]);
    for (const store of result.stores) expect(store.eventsVerified).toBeGreaterThan(0);
  });

  it('reports the payout under JKM and Kota Kupang', async () => {
    const year = today().slice(0, 4);
    const text = await eventually(async () => {
      const report = renderReport(await benefitsReport(targets, { period: year }));
      expect(report).toMatch(/JKM\s+1\s+1\s+10\.000\.000/);
      return report;
    }, PATIENCE);
    expect(text).toMatch(/5371 KOTA KUPANG\s+JKM\s+1\s+1\s+10\.000\.000/);
  });

  it('shows the participant as known before and after the platform learned of him', async () => {
    const personal = maskingReader();
    const now = await asOf(
      targets,
      'participant',
      flow.participantId,
      '2999-01-01T00:00:00Z',
      personal,
    );
    expect(now.state).toMatchObject({ coverage: { paidMonths: [flow.month] } });
    expect(now.known.map((fact) => fact.type)).toEqual(
      expect.arrayContaining(['ParticipantRegistered', 'ContributionPaid', 'JkmClaimSubmitted']),
    );
    const before = await asOf(
      targets,
      'participant',
      flow.participantId,
      '2000-01-01T00:00:00Z',
      personal,
    );
    expect(before.known).toEqual([]);
    expect(before.state).toMatchObject({
      details: {},
      coverage: { status: 'not covered', paidMonths: [] },
    });
  });

  function cliConnections(): string[] {
    return [
      ...(['enrollment', 'contributions', 'claims', 'payouts'] as const).flatMap((service) => [
        `--${service}-database-url`,
        platform.databases[service],
      ]),
      '--keys-database-url',
      platform.databases.keys,
      '--brokers',
      testKafkaBrokers().join(','),
    ];
  }
});
