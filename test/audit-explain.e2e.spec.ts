// Issue 9, done when: `explain` of a payout from an end-to-end flow names the contribution
// payments behind it. The four real services run together (test/support/santunan-platform.ts);
// the flow is the one of test/claim-to-payout.e2e.spec.ts over HTTP (enrol → pay → claim →
// approve → bank settles), then the auditor reads the four stores and topics.
import type { PayoutInstructed, PayoutScheduled, PayoutSettled } from '@santunan/contracts';
import {
  PlatformDatabase,
  ServiceRuntime,
  type EventEnvelope,
  type MessagePublisher,
} from '@santunan/platform';
import { eventually, testKafkaBrokers, testMessaging } from '@santunan/testing';
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
import { runAudit } from '@santunan/audit-cli';
import {
  TopicRecorder,
  reportSettlement,
  settlementReport,
} from '@santunan/payouts-service/testing';
import {
  MONTHLY_CONTRIBUTION,
  PATIENCE,
  approvedJkmDeath,
  claimsOfficer,
  supervisor,
} from './support/jkm-death-flow';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type SantunanPlatform,
} from './support/santunan-platform';
import { auditConnectionsOf } from './support/audit-connections';

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
    targets = auditTargets(auditConnectionsOf(platform));
    flow = await settledJkmDeath();
    // Everything appended is on the topics before the auditor compares them.
    for (const service of SERVICE_NAMES) {
      await platform.apps[service].get(ServiceRuntime).waitUntilPublished(180_000);
    }
  }, 240_000);

  afterAll(async () => {
    await claimsProbe?.close();
    await Promise.allSettled([payoutsEvents?.stop(), bank?.close(), platform?.stop()]);
  });

  const today = (): string => platform.clock.today();

  function published<Data>(type: string, where: (data: Data) => boolean): Data[] {
    return payoutsEvents
      .events(type as never)
      .map((event: EventEnvelope) => event.data as Data)
      .filter(where);
  }

  /** The first flow of claim-to-payout.e2e.spec.ts: a self-paying BPU in Kota Kupang dies. */
  async function settledJkmDeath() {
    const { participantId, claimId, decisionId, month, paymentReference } = await approvedJkmDeath(
      platform,
      claimsProbe,
      {
        nik: '5371011508900001',
        fullName: 'Yohanes Bria',
        birthDate: '1990-08-15',
        sex: 'male',
        widow: { fullName: 'Maria Bria', birthDate: '1991-03-01' },
        account: { bankCode: 'BRI', accountNumber: '0011223344' },
      },
    );

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
    return {
      participantId,
      claimId,
      payoutId: scheduled.payoutId,
      month,
      reference: paymentReference,
    };
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
