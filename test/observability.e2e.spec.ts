// Issue 19, done when: a log line for a registration carries the correlation id and no NIK or
// name; the trace id of an approval request appears on the payouts consumer's log line for the
// resulting PayoutScheduled (ADR 0028). The four real services run together, their log lines
// collected as JSON (captureLogs); the approval's trace travels only through the event's
// metadata, the Kafka headers the claims relay sends and the payouts consumer's span.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { PlatformDatabase } from '@santunan/platform';
import { eventually } from '@santunan/testing';
import {
  PATIENCE,
  actingAs,
  claimsOfficer,
  enrollmentOfficer,
  lodgedJkmDeath,
  supervisor,
  type User,
} from './support/jkm-death-flow';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type LogLine,
  type SantunanPlatform,
  type ServiceName,
} from './support/santunan-platform';

describe('structured logs and traces across the platform', () => {
  let platform: SantunanPlatform;
  let claimsProbe: PlatformDatabase;

  beforeAll(async () => {
    platform = await startSantunanPlatform({ label: 'observability', captureLogs: true });
    claimsProbe = await new PlatformDatabase({
      url: platform.databases.claims,
      poolSize: 1,
    }).open();
  });

  afterAll(async () => {
    await claimsProbe?.close();
    await platform?.stop();
  });

  const as = (user: User, service: ServiceName) => actingAs(platform, user, service);

  /** Every line every service logged so far, as written. */
  const everyLine = (): string =>
    SERVICE_NAMES.flatMap((name) => platform.logs(name))
      .map((line) => JSON.stringify(line))
      .join('\n');

  const message = (line: LogLine): string => String(line['msg']);

  it('logs a registration with its correlation id, and neither the NIK nor the name', async () => {
    const nik = '5371012209880004';
    const fullName = 'Servatius Nubatonis Lelo';
    const correlationId = `e2e-registration-${randomUUID()}`;
    const registered = await as(enrollmentOfficer, 'enrollment')
      .post('/participants', {
        nik,
        fullName,
        birthDate: '1988-09-22',
        sex: 'male',
        address: { line: 'Jl. Timor Raya 21, Oesapa', regencyCode: '5371' },
        phone: '+6281339001122',
        occupation: 'nelayan',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: platform.clock.today().slice(0, 7),
      })
      .set('X-Correlation-Id', correlationId)
      .expect(201);
    const participantId = (registered.body as { participantId: string }).participantId;

    const ofRegistration = (name: ServiceName) =>
      platform.logs(name).filter((line) => line['correlationId'] === correlationId);
    // The request line is written once the response is sent: wait for it as for the rest.
    await eventually(() => {
      expect(ofRegistration('enrollment')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 'info',
            service: expect.stringContaining('enrollment'),
            req: { method: 'POST', path: '/participants' },
            route: '/participants',
            res: { statusCode: 201 },
            actorId: enrollmentOfficer.id,
            trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
          }),
          expect.objectContaining({
            msg: 'recorded ParticipantRegistered',
            event: expect.objectContaining({
              type: 'ParticipantRegistered',
              stream: expect.any(String),
            }),
            actorId: enrollmentOfficer.id,
          }),
        ]),
      );
    }, PATIENCE);
    // Contributions applies the registration with the same correlation id (the event's).
    await eventually(() => {
      expect(ofRegistration('contributions').map(message)).toContainEqual(
        expect.stringMatching(/^applied ParticipantRegistered/),
      );
    }, PATIENCE);
    expect(participantId).toEqual(expect.any(String));

    const written = everyLine();
    expect(written).toContain(correlationId);
    expect(written).not.toContain(nik);
    expect(written).not.toContain(fullName);
    expect(written).not.toContain('Jl. Timor Raya 21');
    expect(written).not.toContain('+6281339001122');
  });

  it('logs no request line for the probes (/health, /metrics): a scrape every few seconds is not news', async () => {
    const correlationId = `e2e-probe-${randomUUID()}`;
    const server = request(platform.urls.enrollment);
    for (const path of ['/health/live', '/health/ready', '/health', '/metrics'])
      await server.get(path).set('X-Correlation-Id', correlationId);
    // A request line that follows them shows the log has caught up with the probes.
    const marker = `e2e-after-probes-${randomUUID()}`;
    await as(enrollmentOfficer, 'enrollment')
      .get(`/participants/${randomUUID()}`)
      .set('X-Correlation-Id', marker);
    await eventually(() => {
      expect(platform.logs('enrollment').some((line) => line['correlationId'] === marker)).toBe(
        true,
      );
    }, PATIENCE);
    expect(
      platform.logs('enrollment').filter((line) => line['correlationId'] === correlationId),
    ).toEqual([]);
  });

  it("puts the approval request's trace id on the payouts consumer's line for its PayoutScheduled", async () => {
    const { claimId, heirId } = await lodgedJkmDeath(platform, claimsProbe, {
      nik: '5371010307850005',
      fullName: 'Aloysius Tefa',
      birthDate: '1985-07-03',
      sex: 'male',
      widow: { fullName: 'Yasinta Tefa', birthDate: '1987-02-11' },
      account: { bankCode: 'BRI', accountNumber: '0099887766' },
    });
    const proposed = await as(claimsOfficer, 'claims')
      .post(`/claims/${claimId}/decisions`, { nominatedPayeeId: heirId })
      .expect(201);
    const { decisionId } = (proposed.body as { decision: { decisionId: string } }).decision;

    // The checker's call arrives in a trace of its own (as from a traced gateway or browser).
    const traceId = randomBytes(16).toString('hex');
    await as(supervisor, 'claims')
      .post(`/claims/${claimId}/decisions/${decisionId}/approval`)
      .set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`)
      .expect(200);

    // Claims logged the approval request in that trace.
    await eventually(() => {
      expect(platform.logs('claims')).toContainEqual(
        expect.objectContaining({
          trace_id: traceId,
          req: expect.objectContaining({ method: 'POST' }),
          route: '/claims/:claimId/decisions/:decisionId/approval',
          res: { statusCode: 200 },
          actorId: supervisor.id,
        }),
      );
    }, PATIENCE);
    // Payouts applied the ClaimApproved it caused, in the same trace, recording PayoutScheduled.
    const applied = await eventually(() => {
      const line = platform
        .logs('payouts')
        .find(
          (entry) =>
            message(entry).startsWith('applied ClaimApproved') && entry['trace_id'] === traceId,
        );
      expect(line).toBeDefined();
      return line!;
    }, PATIENCE);
    expect(applied).toMatchObject({
      level: 'info',
      consumed: expect.objectContaining({
        type: 'ClaimApproved',
        topic: platform.topics.claimsEvents,
      }),
      recorded: expect.arrayContaining([expect.objectContaining({ type: 'PayoutScheduled' })]),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(message(applied)).toContain('PayoutScheduled');
  });
});
