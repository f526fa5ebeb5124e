/**
 * Part 3 — claim-to-payout latency under a steady load. The real claims service (HTTP on a
 * port, maker–checker) and the real payouts service, on fresh databases sharing one key
 * database, fed by enrollment and contributions events published through their own outboxes
 * (decided with the upstream services' pure domains, as the claims integration tests do).
 *
 * Untimed preparation per claim: a participant registered with a spouse heir and a bank
 * account, twelve months paid, then over HTTP a JKM death claim lodged, its documents
 * recorded, and the officer's proposed decision (a death needs a checker). Timed: the
 * supervisors' approvals sent at a steady rate; for each, from sending the approval request to
 * PayoutScheduled for its claim read from payouts.events by a consumer group. Beside it, in the
 * same run, kafkajs produce → consume round trips of messages of ClaimApproved's size at the
 * same rate.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CONTRIBUTIONS_PERSONAL_DATA_PATHS,
  CONTRIBUTIONS_SCHEMA_VERSIONS,
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type ContributionAccountEvent,
  type EnrollmentEvent,
} from '@santunan/contracts';
import {
  DEFAULT_CONTRIBUTION_POLICY,
  decideContributionAccount,
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccountCommand,
} from '@santunan/contributions-domain';
import {
  decide as decideParticipant,
  evolve as evolveParticipant,
  initialState as initialParticipantState,
  kemendagriRegions,
  type ParticipantCommand,
} from '@santunan/enrollment-domain';
import {
  type Actor,
  authConfig,
  type BoundDecider,
  connectEventTransport,
  type DomainEvent,
  ephemeralEventSigning,
  type EventEnvelope,
  type EventSourcedRepository,
  fixedClock,
  type Hs256AuthConfig,
  mintAccessToken,
  type Role,
  type ServiceConfig,
  ServiceRuntime,
  type Subscription,
} from '@santunan/platform';
import { ruleSetInForce } from '@santunan/rules';
import { ClaimsModule, DEFAULT_CHECKER_THRESHOLD, claimsCalendar } from '@santunan/claims-service';
import { syntheticWorker } from '@santunan/enrollment-service/testing';
import { DEFAULT_CONSUMER_NAMES, PayoutsModule } from '@santunan/payouts-service';
import {
  inParallel,
  latencySummary,
  n,
  now,
  progress,
  ratio,
  sleep,
  until,
  type BenchRun,
  type LatencySummary,
} from '../shared/harness';
import { kafkaRoundTripLatency, type RoundTrip } from '../shared/raw-baselines';

/** Claims decides on this day (Asia/Jakarta), as in the claims integration tests. */
const TODAY = '2026-11-24';
const DIED_ON = '2026-11-10';
const TARIFF = 16_800;
const SPOUSE_HEIR = 'heir-spouse';

export interface ClaimToPayoutSize {
  /** Claims approved during the measurement, at `ratePerSecond`. */
  readonly claims: number;
  readonly ratePerSecond: number;
  /** Claims approved and paid before the measurement (consumer groups joined, plans warm). */
  readonly warmup: number;
}

export interface ClaimToPayoutFigures {
  readonly claims: number;
  readonly ratePerSecond: number;
  readonly preparationSeconds: number;
  /** Approval request sent → PayoutScheduled read from payouts.events: the figure. */
  readonly claimToPayout: LatencySummary;
  /** Approval request sent → 200 from claims (ClaimApproved and its outbox row committed). */
  readonly approvalHttp: LatencySummary;
  readonly approvedTotalRupiah: number;
  readonly scheduledTotalRupiah: number;
  readonly claimApprovedBytes: number;
  readonly baseline: { readonly kafkaRoundTrip: RoundTrip };
  /** Baseline latency / ours (p50 and p99): 1 would be as fast as a bare Kafka round trip. */
  readonly ratio: { readonly p50: number; readonly p99: number };
}

const log = (line: string): void => progress('claim-to-payout', line);

const at = (day: string): string => `${day}T05:00:00.000Z`;

function participantId(index: number): string {
  return `10000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** Enrollment and contributions as their services decide and publish (the claims tests' upstreams). */
class Upstreams {
  private readonly participants;
  private readonly accounts;
  private readonly actor: Actor = { id: 'bench-upstream', kind: 'system' };

  constructor(
    readonly enrollment: ServiceRuntime,
    readonly contributions: ServiceRuntime,
  ) {
    this.participants = enrollment.repository<EnrollmentEvent>({
      streamType: 'participant',
      schemaVersions: ENROLLMENT_SCHEMA_VERSIONS,
      personalDataPaths: ENROLLMENT_PERSONAL_DATA_PATHS,
    });
    this.accounts = contributions.repository<ContributionAccountEvent>({
      streamType: 'contribution-account',
      schemaVersions: CONTRIBUTIONS_SCHEMA_VERSIONS,
      personalDataPaths: CONTRIBUTIONS_PERSONAL_DATA_PATHS,
    });
  }

  async participant(id: string, command: ParticipantCommand, today: string): Promise<void> {
    const rules = ruleSetInForce(today);
    if (!rules.ok) throw new Error(rules.error.message);
    const context = {
      today,
      incomeFloor: rules.value.contributions.bpu.incomeFloor.value,
      regions: kemendagriRegions(),
    };
    await this.decided('enrollment', this.participants, `participant-${id}`, id, today, command, {
      decide: (c: ParticipantCommand, state) => decideParticipant(c, state, context),
      evolve: evolveParticipant,
      initialState: initialParticipantState,
    });
  }

  async account(id: string, command: ContributionAccountCommand, today: string): Promise<void> {
    const context = { today, calendar: claimsCalendar(), policy: DEFAULT_CONTRIBUTION_POLICY };
    const stream = `contribution-account-${id}`;
    await this.decided('contributions', this.accounts, stream, id, today, command, {
      decide: (c: ContributionAccountCommand, state) =>
        decideContributionAccount(c, state, context),
      evolve: evolveContributionAccount,
      initialState: initialContributionAccountState,
    });
  }

  /** One command on one stream, as the upstream service would handle it. */
  private async decided<
    Event extends DomainEvent,
    Command extends { readonly type: string },
    State,
  >(
    service: string,
    repository: EventSourcedRepository<Event>,
    streamId: string,
    id: string,
    today: string,
    command: Command,
    decider: BoundDecider<Command, Event, State>,
  ): Promise<void> {
    const result = await repository.handle({
      streamId,
      decider,
      command,
      actor: this.actor,
      correlationId: `bench-${id}`,
      dataSubjectId: id,
      occurredAt: at(today),
    });
    if (!result.ok)
      throw new Error(`${service} refused ${command.type}: ${result.rejection.message}`);
  }

  /** A self-paying worker with a spouse heir (bank account), paid January to December 2026. */
  async coveredWorker(index: number): Promise<string> {
    const id = participantId(index);
    const worker = syntheticWorker(index);
    await this.participant(
      id,
      {
        type: 'RegisterParticipant',
        participantId: id,
        nik: worker.nik,
        fullName: worker.fullName,
        birthDate: worker.birthDate,
        sex: worker.sex,
        address: { line: worker.address, regencyCode: worker.regencyCode },
        phone: worker.phone,
        occupation: worker.occupation,
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'self-paying' },
      },
      '2026-01-05',
    );
    await this.participant(
      id,
      {
        type: 'DesignateHeirs',
        heirs: [
          {
            heirId: SPOUSE_HEIR,
            fullName: `Ahli Waris ${index}`,
            relationship: 'spouse',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: String(1_000_000_000 + index),
              accountName: `Ahli Waris ${index}`,
            },
          },
        ],
      },
      '2026-01-05',
    );
    await this.account(
      id,
      {
        type: 'OpenContributionAccount',
        participantId: id,
        sector: 'other',
        declaredIncome: 1_000_000,
        incomeEffectiveFrom: '2026-01',
        membership: { kind: 'self-paying' },
      },
      '2026-01-05',
    );
    await this.account(
      id,
      {
        type: 'PaySelfContribution',
        paymentReference: `self-${id}`,
        firstMonth: '2026-01',
        months: 12,
        amount: 12 * TARIFF,
        paidAt: '2026-01-10T02:00:00.000Z',
        paidOn: '2026-01-10',
      },
      '2026-01-10',
    );
    return id;
  }
}

class ClaimsHttp {
  constructor(
    private readonly baseUrl: string,
    private readonly auth: Hs256AuthConfig,
  ) {}

  private readonly tokens = new Map<string, string>();

  async post<Body>(
    subject: string,
    role: Role,
    path: string,
    body: object,
    expect: number,
  ): Promise<Body> {
    let token = this.tokens.get(subject);
    if (token === undefined) {
      token = mintAccessToken({ subject, roles: [role], ttl: '2h' }, this.auth);
      this.tokens.set(subject, token);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expect) {
      throw new Error(
        `POST ${path}: ${response.status} (expected ${expect}): ${text.slice(0, 500)}`,
      );
    }
    return JSON.parse(text) as Body;
  }
}

interface PreparedClaim {
  readonly claimId: string;
  readonly decisionId: string;
  readonly total: number;
}

async function prepareClaim(
  http: ClaimsHttp,
  participant: string,
  index: number,
): Promise<PreparedClaim> {
  const officer = 'bench-officer';
  const submitted = await http.post<{ claimId: string; documents: { required: string[] } }>(
    officer,
    'claims-officer',
    '/claims/jkm',
    {
      participantId: participant,
      dateOfDeath: DIED_ON,
      claimant: { kind: 'heir', fullName: `Ahli Waris ${index}`, relationship: 'spouse' },
      lodgedOn: TODAY,
    },
    201,
  );
  for (const document of submitted.documents.required) {
    await http.post(
      officer,
      'claims-officer',
      `/claims/${submitted.claimId}/documents`,
      { document, reference: `arsip/${submitted.claimId}/${document}.pdf`, receivedOn: TODAY },
      200,
    );
  }
  const proposed = await http.post<{
    status: string;
    decision?: { decisionId: string; total: number };
  }>(
    officer,
    'claims-officer',
    `/claims/${submitted.claimId}/decisions`,
    { nominatedPayeeId: SPOUSE_HEIR },
    201,
  );
  if (proposed.status !== 'awaiting-checker' || proposed.decision === undefined) {
    throw new Error(
      `claim ${submitted.claimId} was not awaiting a checker: ${JSON.stringify(proposed).slice(0, 500)}`,
    );
  }
  return {
    claimId: submitted.claimId,
    decisionId: proposed.decision.decisionId,
    total: proposed.decision.total,
  };
}

export async function runClaimToPayoutPart(
  { environment, resources, messaging }: BenchRun,
  size: ClaimToPayoutSize,
): Promise<ClaimToPayoutFigures> {
  const { run } = environment;
  const auth = authConfig({ secret: randomBytes(32).toString('hex') });
  const keys = resources.database('c2p', 'keys');
  // The bench's services sign and verify as in production, with keys of this run only.
  const signing = ephemeralEventSigning(['enrollment', 'contributions', 'claims', 'payouts']);
  const service = (name: string, database: string): ServiceConfig => ({
    serviceName: `bench-${name}-${run}`,
    httpPort: 0,
    databaseUrl: resources.database('c2p', database),
    keyDatabaseUrl: keys,
    kafkaBrokers: environment.brokers,
    kafkaSasl: environment.sasl,
    ...signing(name.replace(/^c2p-/, '')),
    auth,
  });
  const topics = {
    enrollment: resources.topic('c2p', 'enrollment.events'),
    contributions: resources.topic('c2p', 'contributions.events'),
    claims: resources.topic('c2p', 'claims.events'),
    payouts: resources.topic('c2p', 'payouts.events'),
    settlements: resources.topic('c2p', 'payouts.settlements'),
  };
  await messaging.ensureTopics(Object.values(topics).map((name) => ({ name, partitions: 3 })));
  const total = size.warmup + size.claims;
  const started: { close(): Promise<void> }[] = [];
  let observer: Subscription | undefined;
  try {
    const enrollment = await ServiceRuntime.start({
      config: service('c2p-enrollment', 'enrol'),
      topic: topics.enrollment,
    });
    started.push({ close: () => enrollment.stop() });
    const contributions = await ServiceRuntime.start({
      config: service('c2p-contributions', 'contrib'),
      topic: topics.contributions,
    });
    started.push({ close: () => contributions.stop() });
    const claimsApp: INestApplication = await NestFactory.create(
      ClaimsModule.forRoot({
        service: service('claims', 'claims'),
        eventsTopic: topics.claims,
        enrollmentTopic: topics.enrollment,
        contributionsTopic: topics.contributions,
        makerCheckerThreshold: DEFAULT_CHECKER_THRESHOLD,
        calendar: claimsCalendar(),
        clock: fixedClock(`${TODAY}T03:00:00.000Z`),
      }),
      { logger: ['error', 'warn'] },
    );
    started.push({ close: () => claimsApp.close() });
    await connectEventTransport(claimsApp);
    await claimsApp.listen(0, '127.0.0.1');
    const claimsPort = ((claimsApp.getHttpServer() as Server).address() as AddressInfo).port;
    const payoutsApp = await NestFactory.create(
      PayoutsModule.forRoot({
        service: service('payouts', 'payouts'),
        eventsTopic: topics.payouts,
        claimsTopic: topics.claims,
        settlementsTopic: topics.settlements,
        enrollmentTopic: topics.enrollment,
        consumers: DEFAULT_CONSUMER_NAMES,
        autoBatchIntervalMs: null,
      }),
      { logger: ['error', 'warn'] },
    );
    started.push({ close: () => payoutsApp.close() });
    await connectEventTransport(payoutsApp);
    await payoutsApp.init();

    // What finance would read: PayoutScheduled on payouts.events, by claim.
    const scheduledAt = new Map<string, number>();
    let scheduledTotal = 0;
    observer = await messaging.subscribe({
      groupId: `bench.e2e.${run}.c2p.finance`,
      topics: [topics.payouts],
      fromBeginning: true,
      handle: async (message) => {
        if (message.value === null) return;
        const event = JSON.parse(message.value.toString('utf8')) as EventEnvelope<
          string,
          { decision?: { claimId?: string }; amount?: number }
        >;
        const claimId = event.data.decision?.claimId;
        if (event.type !== 'PayoutScheduled' || claimId === undefined || scheduledAt.has(claimId))
          return;
        scheduledAt.set(claimId, now());
        scheduledTotal += event.data.amount ?? 0;
      },
    });

    // Preparation (untimed): covered workers, known to claims, each with a claim awaiting a checker.
    const preparationStart = now();
    const upstreams = new Upstreams(enrollment, contributions);
    const indexes = Array.from({ length: total }, (_, index) => index + 1);
    const participants: string[] = [];
    await inParallel(indexes, 4, async (index) => {
      participants[index - 1] = await upstreams.coveredWorker(index);
    });
    log(`${total} covered workers published by the upstreams; waiting for claims' projections`);
    const claimsRuntime = claimsApp.get(ServiceRuntime);
    await until(
      "claims' participant and coverage projections",
      async () => {
        const [row] = await claimsRuntime.database.query<{ participants: string; covered: string }>(
          `select (select count(*) from participants) as participants,
                  (select count(*) from participant_coverage
                    where jsonb_array_length(coverage->'paidMonths') = 12) as covered`,
        );
        return Number(row?.participants) >= total && Number(row?.covered) >= total
          ? true
          : undefined;
      },
      600_000,
      250,
    );
    const http = new ClaimsHttp(`http://127.0.0.1:${claimsPort}`, auth);
    const prepared: PreparedClaim[] = [];
    await inParallel(participants, 4, async (participant, index) => {
      prepared[index] = await prepareClaim(http, participant, index + 1);
    });
    const preparationSeconds = Number(((now() - preparationStart) / 1000).toFixed(1));
    log(`${total} JKM death claims awaiting a checker after ${preparationSeconds} s`);

    const approve = async (claim: PreparedClaim, supervisor: string) => {
      const sentAt = now();
      await http.post(
        supervisor,
        'claims-supervisor',
        `/claims/${claim.claimId}/decisions/${claim.decisionId}/approval`,
        {},
        200,
      );
      return { sentAt, respondedAt: now() };
    };
    // Warm-up: a few approvals paid out before measuring (groups joined, relays awake).
    const warmup = prepared.slice(0, size.warmup);
    for (const claim of warmup) await approve(claim, 'bench-supervisor-warmup');
    await until(
      'the warm-up payouts',
      () => (warmup.every((claim) => scheduledAt.has(claim.claimId)) ? true : undefined),
      120_000,
      20,
    );

    // Measured: approvals at a steady rate, each not waiting for the others.
    const measured = prepared.slice(size.warmup);
    const interval = 1000 / size.ratePerSecond;
    const timings: Promise<{ sentAt: number; respondedAt: number }>[] = [];
    const loadStart = now();
    log(`${measured.length} approvals at ${size.ratePerSecond}/s`);
    for (const [index, claim] of measured.entries()) {
      await sleep(loadStart + index * interval - now());
      timings.push(approve(claim, `bench-supervisor-${index % 3}`));
    }
    const sent = await Promise.all(timings);
    await until(
      'every PayoutScheduled',
      () => (measured.every((claim) => scheduledAt.has(claim.claimId)) ? true : undefined),
      600_000,
      20,
    );
    const latencies = measured.map(
      (claim, index) => (scheduledAt.get(claim.claimId) ?? 0) - (sent[index]?.sentAt ?? 0),
    );
    const claimToPayout = latencySummary(latencies);
    const approvalHttp = latencySummary(sent.map((timing) => timing.respondedAt - timing.sentAt));
    log(`claim → payout p50 ${claimToPayout.p50Ms} ms, p99 ${claimToPayout.p99Ms} ms`);
    const [sizeRow] = await claimsRuntime.database.query<{ bytes: string }>(
      `select avg(octet_length(data::text) + octet_length(metadata::text) + 400)::bigint as bytes
         from events where type = 'ClaimApproved'`,
    );
    const claimApprovedBytes = Number(sizeRow?.bytes ?? 4_000);
    await observer.stop();
    observer = undefined;
    for (const service of started.reverse().splice(0)) await service.close();

    log(
      `raw baseline: ${measured.length} kafkajs round trips of ${claimApprovedBytes} bytes at ${size.ratePerSecond}/s`,
    );
    const roundTrip = await kafkaRoundTripLatency(messaging, resources.topic('c2p', 'raw'), {
      messages: measured.length,
      ratePerSecond: size.ratePerSecond,
      bytes: claimApprovedBytes,
    });
    const approvedTotal =
      measured.reduce((sum, claim) => sum + claim.total, 0) +
      warmup.reduce((sum, claim) => sum + claim.total, 0);
    return {
      claims: measured.length,
      ratePerSecond: size.ratePerSecond,
      preparationSeconds,
      claimToPayout,
      approvalHttp,
      approvedTotalRupiah: approvedTotal,
      scheduledTotalRupiah: scheduledTotal,
      claimApprovedBytes,
      baseline: { kafkaRoundTrip: roundTrip },
      ratio: {
        p50: ratio(roundTrip.latency.p50Ms, claimToPayout.p50Ms),
        p99: ratio(roundTrip.latency.p99Ms, claimToPayout.p99Ms),
      },
    };
  } finally {
    await observer?.stop().catch(() => undefined);
    for (const service of started.reverse()) await service.close().catch(() => undefined);
  }
}

/** The figure's line on stdout. */
export function printClaimToPayout(f: ClaimToPayoutFigures): void {
  const raw = f.baseline.kafkaRoundTrip.latency;
  console.log(
    `claim-to-payout   p50 ${f.claimToPayout.p50Ms} ms, p99 ${f.claimToPayout.p99Ms} ms (${n(f.claims)} approvals at ${f.ratePerSecond}/s)` +
      ` | baseline kafkajs produce→consume round trip p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms | ratio (baseline/ours) p50 ${f.ratio.p50}, p99 ${f.ratio.p99}`,
  );
}
