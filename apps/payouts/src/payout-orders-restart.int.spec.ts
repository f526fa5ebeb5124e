import { PlatformDatabase, type EventEnvelope } from '@santunan/platform';
import { eventually, testMessaging } from '@santunan/testing';
import { jkmDeathToTwoHeirs } from './testing/claim-decisions';
import { ClaimsPublisher } from './testing/claims-publisher';
import {
  createPayoutsTestWorld,
  startPayoutsApp,
  type PayoutsApp,
  type PayoutsTestWorld,
} from './testing/payouts-test-app';
import { TopicRecorder } from './testing/topic-recorder';

const DECISIONS = 60;

describe('payout orders survive a consumer restart mid-batch and a replay (real Kafka and PostgreSQL)', () => {
  let world: PayoutsTestWorld;
  let claims: ClaimsPublisher;
  const running: PayoutsApp[] = [];
  let published: TopicRecorder;
  const decisionIds: string[] = [];
  const claimEvents: EventEnvelope[] = [];
  /** Its own connection: the services come and go, the observer stays. */
  let observer: PlatformDatabase;

  beforeAll(async () => {
    world = await createPayoutsTestWorld('restart');
    observer = await new PlatformDatabase({ url: world.payoutsDb.url, poolSize: 2 }).open();
    claims = await ClaimsPublisher.start(world.claimsService, world.config.claimsTopic);
    published = await TopicRecorder.start(
      testMessaging('payouts-int-restart'),
      world.config.eventsTopic,
    );
  });

  afterAll(async () => {
    // Each consumer waits out its fetch (up to 5 s) when it stops: stop them side by side.
    await Promise.all([
      published?.stop(),
      claims?.stop(),
      ...running.splice(0).map((app) => app.close()),
    ]);
    await observer?.close();
    await world?.drop();
  });

  async function start(config = world.config): Promise<PayoutsApp> {
    const app = await startPayoutsApp(config);
    running.push(app);
    return app;
  }

  async function stop(app: PayoutsApp): Promise<void> {
    running.splice(running.indexOf(app), 1);
    await app.close();
  }

  async function counts(): Promise<{
    orders: number;
    scheduled: number;
    plans: number;
    decisions: number;
  }> {
    const [row] = await observer.query<{
      orders: string;
      scheduled: string;
      plans: string;
      decisions: string;
    }>(
      `select (select count(*) from payout_orders where decision_id = any($1)) as orders,
              (select count(*) from events where type = 'PayoutScheduled') as scheduled,
              (select count(*) from events where type = 'PayoutPlanCreated') as plans,
              (select count(distinct decision_id) from payout_orders where decision_id = any($1)) as decisions`,
      [decisionIds],
    );
    return {
      orders: Number(row?.orders),
      scheduled: Number(row?.scheduled),
      plans: Number(row?.plans),
      decisions: Number(row?.decisions),
    };
  }

  it('stops while a batch of decisions is being applied, restarts, and ends with exactly one order per beneficiary', async () => {
    // Published before the service starts, so its consumer fetches them as one batch.
    for (let i = 0; i < DECISIONS; i += 1) {
      const decision = jkmDeathToTwoHeirs();
      decisionIds.push(decision.decisionId);
      claimEvents.push(
        await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`),
      );
    }
    const first = await start();
    await eventually(async () => expect((await counts()).orders).toBeGreaterThanOrEqual(2), {
      intervalMs: 10,
    });
    await stop(first);
    const atStop = await counts();
    // Stopped part-way: some decisions applied, the rest not yet (their offsets uncommitted).
    expect(atStop.orders).toBeLessThan(2 * DECISIONS);

    await start();
    await eventually(async () => expect((await counts()).orders).toBe(2 * DECISIONS), {
      timeoutMs: 180_000,
    });
    expect(await counts()).toEqual({
      orders: 2 * DECISIONS,
      scheduled: 2 * DECISIONS,
      plans: DECISIONS,
      decisions: DECISIONS,
    });
    // Every payout stream holds exactly one PayoutScheduled.
    const doubles = await observer.query(
      `select stream_id from events where type = 'PayoutScheduled' group by stream_id having count(*) > 1`,
    );
    expect(doubles).toEqual([]);
  });

  it('replays every decision from offset 0 under a fresh consumer (empty inbox) beside the running one: nothing new', async () => {
    await start({
      ...world.config,
      consumers: { ...world.config.consumers, claimsDecisions: 'claims-decisions-replay' },
    });
    // New decisions now reach both consumers at once: they race on the same streams.
    for (let i = 0; i < 5; i += 1) {
      const decision = jkmDeathToTwoHeirs();
      decisionIds.push(decision.decisionId);
      claimEvents.push(
        await claims.publish('ClaimApproved', decision, `claim-${decision.claimId}`),
      );
    }
    const total = decisionIds.length;
    await eventually(
      async () => {
        const rows = await observer.query<{ consumer_name: string; n: string }>(
          `select consumer_name, count(*) as n from inbox where event_id = any($1) group by consumer_name`,
          [claimEvents.map((event) => event.eventId)],
        );
        expect(rows.map((row) => Number(row.n))).toEqual([total, total]);
      },
      { timeoutMs: 180_000 },
    );
    expect(await counts()).toEqual({
      orders: 2 * total,
      scheduled: 2 * total,
      plans: total,
      decisions: total,
    });
  });

  it('publishes only events that validate against the published JSON Schemas', async () => {
    const app = running[0] as PayoutsApp;
    await app.runtime.waitUntilPublished(180_000);
    await eventually(() =>
      expect(published.events('PayoutScheduled')).toHaveLength(2 * decisionIds.length),
    );
    expect(published.schemaViolations()).toEqual([]);
  });
});
