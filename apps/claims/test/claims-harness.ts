// Test harness for the claims service: real PostgreSQL and Kafka, the claims app in NestJS,
// and the two upstream contexts (enrollment, contributions) as ServiceRuntimes that decide
// commands with their own pure domains and publish through the real outbox and encryption.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
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
  type ContributionAccountState,
} from '@santunan/contributions-domain';
import {
  decide as decideParticipant,
  evolve as evolveParticipant,
  initialState as initialParticipantState,
  kemendagriRegions,
  type ParticipantCommand,
  type ParticipantState,
} from '@santunan/enrollment-domain';
import {
  type BankAccountDto,
  ProjectionRunner,
  ServiceRuntime,
  authConfig,
  decryptPersonalFields,
  fixedClock,
  mintAccessToken,
  type Actor,
  type BoundDecider,
  type DomainEvent,
  type EventEnvelope,
  type EventSourcedRepository,
  type Projection,
  type Role,
  type ServiceConfig,
  type StreamDefinition,
  type Subscription,
  connectEventTransport,
} from '@santunan/platform';
import { ruleSetInForce } from '@santunan/rules';
import {
  createTestDatabase,
  eventually,
  type TestDatabase,
  testEventSigning,
  testKafkaConnection,
  testMessaging,
  uniqueName,
} from '@santunan/testing';
import request from 'supertest';
import { ClaimTimelineProjection } from '../src/claim-detail/claim-timeline.projection';
import { ClaimsModule } from '../src/claims.module';
import { DEFAULT_CHECKER_THRESHOLD, claimsCalendar } from '../src/config/claims-config';
import type { ReportAccidentDto } from '../src/report-accident/report-accident.dto';
import { WorkQueueProjection } from '../src/work-queue/work-queue.projection';

/** Claims decides on this day (Asia/Jakarta), whatever the machine's clock says. */
export const TODAY = '2026-11-24';
const AUTH = authConfig({ secret: 'claims-integration-test-secret-of-enough-length' });
const UPSTREAM_ACTOR: Actor = {
  id: 'upstream-officer',
  kind: 'user',
  roles: ['enrollment-officer'],
};

/** Noon in Jakarta on a day: the instant an upstream command is decided at. */
export const at = (day: string): string => `${day}T05:00:00.000Z`;

function serviceConfig(
  name: 'enrollment' | 'contributions' | 'claims',
  database: TestDatabase,
  keys: TestDatabase,
): ServiceConfig {
  return {
    serviceName: uniqueName(name),
    httpPort: 0,
    databaseUrl: database.url,
    keyDatabaseUrl: keys.url,
    ...testKafkaConnection(),
    ...testEventSigning(name),
    auth: AUTH,
  };
}

/**
 * An upstream context deciding a participant's stream with its own pure domain, as its service
 * would, and publishing through the real outbox and encryption.
 */
class Upstream<Command extends { readonly type: string }, Event extends DomainEvent, State> {
  private readonly repository: EventSourcedRepository<Event>;

  constructor(
    readonly runtime: ServiceRuntime,
    private readonly upstream: {
      readonly name: string;
      readonly stream: StreamDefinition<Event>;
      readonly actor: Actor;
      readonly decider: (today: string) => BoundDecider<Command, Event, State>;
    },
  ) {
    this.repository = runtime.repository(upstream.stream);
  }

  async decide(participantId: string, command: Command, today: string): Promise<void> {
    const result = await this.repository.handle({
      streamId: `${this.upstream.stream.streamType}-${participantId}`,
      decider: this.upstream.decider(today),
      command,
      actor: this.upstream.actor,
      correlationId: randomUUID(),
      dataSubjectId: participantId,
      occurredAt: at(today),
    });
    if (!result.ok) {
      throw new Error(
        `${this.upstream.name} refused ${command.type}: ${result.rejection.code} ${result.rejection.message}`,
      );
    }
  }
}

/** Enrollment, as its own service would decide and publish: ParticipantRegistered, heirs, children. */
export class EnrollmentUpstream extends Upstream<
  ParticipantCommand,
  EnrollmentEvent,
  ParticipantState
> {
  constructor(runtime: ServiceRuntime) {
    super(runtime, {
      name: 'enrollment',
      stream: {
        streamType: 'participant',
        schemaVersions: ENROLLMENT_SCHEMA_VERSIONS,
        personalDataPaths: ENROLLMENT_PERSONAL_DATA_PATHS,
      },
      actor: UPSTREAM_ACTOR,
      decider: (today) => {
        const incomeFloor = ruleSetInForce(today);
        if (!incomeFloor.ok) throw new Error(incomeFloor.error.message);
        const context = {
          today,
          incomeFloor: incomeFloor.value.contributions.bpu.incomeFloor.value,
          regions: kemendagriRegions(),
        };
        return {
          decide: (c, state) => decideParticipant(c, state, context),
          evolve: evolveParticipant,
          initialState: initialParticipantState,
        };
      },
    });
  }
}

/** Contributions, as its own service would decide and publish: sponsorships, payments, lapses. */
export class ContributionsUpstream extends Upstream<
  ContributionAccountCommand,
  ContributionAccountEvent,
  ContributionAccountState
> {
  constructor(runtime: ServiceRuntime) {
    super(runtime, {
      name: 'contributions',
      stream: {
        streamType: 'contribution-account',
        schemaVersions: CONTRIBUTIONS_SCHEMA_VERSIONS,
        personalDataPaths: CONTRIBUTIONS_PERSONAL_DATA_PATHS,
      },
      actor: { id: 'contributions-scheduler', kind: 'system' },
      decider: (today) => {
        const context = { today, calendar: claimsCalendar(), policy: DEFAULT_CONTRIBUTION_POLICY };
        return {
          decide: (c, state) => decideContributionAccount(c, state, context),
          evolve: evolveContributionAccount,
          initialState: initialContributionAccountState,
        };
      },
    });
  }
}

export interface User {
  readonly id: string;
  readonly roles: readonly Role[];
}

export const officer: User = { id: 'officer-ani', roles: ['claims-officer'] };
export const supervisor: User = { id: 'supervisor-budi', roles: ['claims-supervisor'] };
export const supervisor2: User = { id: 'supervisor-citra', roles: ['claims-supervisor'] };
export const auditor: User = { id: 'auditor-dewi', roles: ['auditor'] };
export const admin: User = { id: 'admin-eko', roles: ['admin'] };

export function tokenFor(user: User): string {
  return mintAccessToken({ subject: user.id, roles: [...user.roles], ttl: '1h' }, AUTH);
}

/** Everything a claims integration test runs: databases, topics, upstreams, the app. */
export class ClaimsHarness {
  private readonly published: EventEnvelope[] = [];
  private observer: Subscription | undefined;

  private constructor(
    readonly app: INestApplication,
    readonly runtime: ServiceRuntime,
    readonly enrollment: EnrollmentUpstream,
    readonly contributions: ContributionsUpstream,
    readonly claimsTopic: string,
    private readonly databases: readonly TestDatabase[],
  ) {}

  static async start(label: string): Promise<ClaimsHarness> {
    const keys = await createTestDatabase(`${label}_keys`);
    const enrollmentDb = await createTestDatabase(`${label}_enrol`);
    const contributionsDb = await createTestDatabase(`${label}_contrib`);
    const claimsDb = await createTestDatabase(`${label}_claims`);
    const topics = {
      enrollment: uniqueName('int.claims.enrollment.events'),
      contributions: uniqueName('int.claims.contributions.events'),
      claims: uniqueName('int.claims.claims.events'),
    };
    const enrollment = await ServiceRuntime.start({
      config: serviceConfig('enrollment', enrollmentDb, keys),
      topic: topics.enrollment,
    });
    const contributions = await ServiceRuntime.start({
      config: serviceConfig('contributions', contributionsDb, keys),
      topic: topics.contributions,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ClaimsModule.forRoot({
          service: serviceConfig('claims', claimsDb, keys),
          eventsTopic: topics.claims,
          enrollmentTopic: topics.enrollment,
          contributionsTopic: topics.contributions,
          makerCheckerThreshold: DEFAULT_CHECKER_THRESHOLD,
          calendar: claimsCalendar(),
          clock: fixedClock(`${TODAY}T03:00:00.000Z`),
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    await connectEventTransport(app);
    await app.init();
    const harness = new ClaimsHarness(
      app,
      app.get(ServiceRuntime),
      new EnrollmentUpstream(enrollment),
      new ContributionsUpstream(contributions),
      topics.claims,
      [claimsDb, contributionsDb, enrollmentDb, keys],
    );
    await harness.observeClaimsTopic();
    return harness;
  }

  async stop(): Promise<void> {
    await this.observer?.stop();
    await this.app.close();
    await this.enrollment.runtime.stop();
    await this.contributions.runtime.stop();
    for (const database of this.databases) await database.drop();
  }

  /** An HTTP call as `user` (the bearer token carries the roles). */
  http(user: User | null = officer) {
    const server = request(this.app.getHttpServer() as Parameters<typeof request>[0]);
    const auth = (call: request.Test): request.Test =>
      user === null ? call : call.set('Authorization', `Bearer ${tokenFor(user)}`);
    return {
      get: (path: string) => auth(server.get(path)),
      post: (path: string, body: object = {}) => auth(server.post(path).send(body)),
    };
  }

  /**
   * Waits until claims' outbox is drained and the events of `type` came back from the topic.
   * Generous: on a loaded machine a relay may replace a wedged producer or a group rebalance.
   */
  async untilPublished(type: string, count = 1): Promise<void> {
    await this.runtime.waitUntilPublished(180_000);
    await eventually(
      () => {
        expect(this.published.filter((event) => event.type === type).length).toBeGreaterThanOrEqual(
          count,
        );
      },
      { timeoutMs: 180_000 },
    );
  }

  /** The claims topic as published: personal fields sealed. */
  rawPublished(type: string): EventEnvelope[] {
    return this.published.filter((event) => event.type === type);
  }

  /** The claims topic as another service sees it, personal fields opened. */
  async publishedOfType(type: string): Promise<EventEnvelope<string, Record<string, unknown>>[]> {
    const matching = this.published.filter((event) => event.type === type);
    return Promise.all(
      matching.map(async (event) => ({
        ...event,
        data: await decryptPersonalFields(
          this.runtime.cipher,
          event.data as Readonly<Record<string, unknown>>,
        ),
      })),
    );
  }

  async eventCount(): Promise<number> {
    const [row] = await this.runtime.database.query<{ count: string }>(
      'select count(*) from events',
    );
    return Number(row?.count ?? 0);
  }

  async eventTypesOf(streamId: string): Promise<string[]> {
    const events = await this.runtime.store.readStream(this.runtime.database, streamId);
    return events.map((event) => event.type);
  }

  /**
   * A self-paying BPU worker of Kota Kupang at the income floor (Rp1,000,000), registered in
   * enrollment and with a contribution account in contributions, both on `on`.
   */
  async enrolSelfPaying(worker: SelfPayingWorker, on: string): Promise<void> {
    const membership = { kind: 'self-paying' } as const;
    const income = { declaredIncome: 1_000_000, incomeEffectiveFrom: on.slice(0, 7) };
    await this.enrollment.decide(
      worker.id,
      {
        type: 'RegisterParticipant',
        participantId: worker.id,
        nik: worker.nik,
        fullName: worker.fullName,
        birthDate: '1990-08-15',
        sex: 'male',
        address: { line: worker.addressLine ?? 'Kelurahan Oesapa', regencyCode: '5371' },
        phone: worker.phone ?? '+6281234500000',
        occupation: worker.occupation ?? 'nelayan',
        ...income,
        membership,
      },
      on,
    );
    await this.contributions.decide(
      worker.id,
      {
        type: 'OpenContributionAccount',
        participantId: worker.id,
        sector: 'other',
        ...income,
        membership,
      },
      on,
    );
  }

  /** A worker enrolled on 5 January 2026 who paid all of 2026 on the 10th, known to claims. */
  async enrolPaidFor2026(worker: SelfPayingWorker): Promise<void> {
    await this.enrolSelfPaying(worker, '2026-01-05');
    await this.paySelf(worker.id, '2026-01', 12, '2026-01-10');
    await this.untilKnown(worker.id, 12);
  }

  /** The worker pays `months` months from `firstMonth`: Rp16,800 each at the floor income. */
  async paySelf(
    participantId: string,
    firstMonth: string,
    months: number,
    paidOn: string,
  ): Promise<void> {
    await this.contributions.decide(
      participantId,
      {
        type: 'PaySelfContribution',
        paymentReference: `self-${participantId}-${firstMonth}`,
        firstMonth,
        months,
        amount: months * 16_800,
        paidAt: `${paidOn}T02:00:00.000Z`,
        paidOn,
      },
      paidOn,
    );
  }

  /**
   * Stage I reported by the officer and confirmed by the supervisor, then the JKK claim the
   * participant lodges on it for `benefits`, paid to `paymentAccount`.
   */
  async lodgeJkkClaim(
    accident: ReportAccidentDto,
    benefits: readonly object[],
    paymentAccount: BankAccountDto,
  ): Promise<ClaimBody> {
    const reported = await this.http(officer).post('/accident-reports', accident).expect(201);
    const { reportId } = bodyOf<{ reportId: string }>(reported);
    await this.http(supervisor)
      .post(`/accident-reports/${reportId}/confirmation`, { note: 'sesuai' })
      .expect(200);
    const claim = await this.http(officer)
      .post('/claims/jkk', {
        accidentReportId: reportId,
        benefits,
        paymentAccount,
        claimant: { kind: 'participant' },
      })
      .expect(201);
    return bodyOf<ClaimBody>(claim);
  }

  /** The officer records each of `documents` for the claim (received on `receivedOn`, if given). */
  async recordDocuments(
    claimId: string,
    documents: readonly string[],
    receivedOn?: string,
  ): Promise<void> {
    for (const document of documents) {
      await this.http(officer)
        .post(`/claims/${claimId}/documents`, {
          document,
          reference: `arsip/${claimId}/${document}`,
          ...(receivedOn === undefined ? {} : { receivedOn }),
        })
        .expect(200);
    }
  }

  /** Waits until enrollment's and contributions' events have reached claims' projections. */
  async untilKnown(participantId: string, paidMonths: number): Promise<void> {
    await eventually(
      async () => {
        const [participant] = await this.runtime.database.query<{ n: string }>(
          'select count(*) as n from participants where participant_id = $1',
          [participantId],
        );
        const [coverage] = await this.runtime.database.query<{ paid: number }>(
          `select jsonb_array_length(coverage->'paidMonths') as paid
             from participant_coverage where participant_id = $1`,
          [participantId],
        );
        expect(Number(participant?.n)).toBe(1);
        expect(coverage?.paid).toBe(paidMonths);
      },
      { timeoutMs: 180_000 },
    );
  }

  /** Both read models as rows, and rebuilt from the event store: the two must be equal. */
  async readModels(): Promise<{ workQueue: unknown[]; timeline: unknown[] }> {
    const workQueue = await this.runtime.database.query(
      'select * from claim_work_queue order by claim_id',
    );
    const timeline = await this.runtime.database.query(
      'select * from claim_timeline order by global_position',
    );
    return { workQueue, timeline };
  }

  async rebuildReadModels(): Promise<void> {
    const projections: Projection[] = [
      this.app.get(WorkQueueProjection),
      this.app.get(ClaimTimelineProjection),
    ];
    const runner = new ProjectionRunner({
      database: this.runtime.database,
      store: this.runtime.store,
      projections,
    });
    for (const projection of projections) await runner.rebuild(projection);
  }

  async caughtUp(): Promise<void> {
    await this.runtime.catchUp(this.app.get(WorkQueueProjection));
    await this.runtime.catchUp(this.app.get(ClaimTimelineProjection));
  }

  private async observeClaimsTopic(): Promise<void> {
    this.observer = await testMessaging('claims-observer').subscribe({
      groupId: uniqueName('int.claims.observer'),
      topics: [this.claimsTopic],
      fromBeginning: true,
      handle: async (message) => {
        if (message.value === null) return;
        this.published.push(JSON.parse(message.value.toString('utf8')) as EventEnvelope);
      },
    });
  }
}

// The shapes the tests read from response bodies (supertest types them as `any`).
export interface ClaimBody {
  readonly claimId: string;
  readonly documents: { readonly required: string[] };
}
export interface QueueBody {
  readonly items: { readonly claimId: string }[];
}
export interface ReasonBody {
  readonly policy: string;
  readonly code: string;
  readonly details: Record<string, unknown>;
}
export interface TimelineBody {
  readonly timeline: {
    readonly type: string;
    readonly actor: { readonly id: string };
    readonly details: Record<string, unknown>;
  }[];
}

export interface SelfPayingWorker {
  readonly id: string;
  readonly nik: string;
  readonly fullName: string;
  readonly addressLine?: string;
  readonly phone?: string;
  readonly occupation?: string;
}

export function bodyOf<Body>(response: { body: unknown }): Body {
  return response.body as Body;
}
