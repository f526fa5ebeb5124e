import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  LocalKafkaBroker,
  eventually,
  testKafkaConnection,
  testKafkaSecured,
  uniqueName,
  type TestKafkaPrincipal,
} from '@santunan/testing';
import { ensureConsumerTopics } from '../consumers/consumer-topics';
import {
  ALL_TOPICS_PATTERN,
  aclsFor,
  platformAccess,
  type KafkaAcl,
  type PlatformTopicNames,
} from './kafka-access';
import { KafkaMessaging } from './kafka-messaging';
import type { KafkaSasl } from './kafka-sasl';

/**
 * What a refused client is told: kafkajs's error name, its protocol error type and message
 * (a send's TOPIC_AUTHORIZATION_FAILED arrives wrapped, as "Topic authorization failed").
 */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const { name, type, message } = error as { name: string; type?: string; message: string };
    return `${name} ${type ?? ''} ${message}`;
  }
  throw new Error('the broker let it through');
}

const TOPIC_REFUSED = /TOPIC_AUTHORIZATION_FAILED|Topic authorization failed/;
const NOT_LET_IN =
  /CLUSTER_AUTHORIZATION_FAILED|Cluster authorization failed|Topic authorization failed/;

async function publishAs(messaging: KafkaMessaging, topic: string): Promise<void> {
  const publisher = await messaging.createPublisher();
  try {
    await publisher.publish(topic, [{ key: 'p-1', value: JSON.stringify({ type: 'Forged' }) }]);
  } finally {
    await publisher.close();
  }
}

// The run's broker when it authenticates (CI, kafka.sh); otherwise one of its own, as kafka.sh
// runs it, so this always meets a broker that enforces ACLs.
describe('the broker enforces who writes what (ACLs from platformAccess)', () => {
  let ownBroker: { broker: LocalKafkaBroker; dataDir: string } | undefined;
  let brokers: string[];
  let credentials: (principal: TestKafkaPrincipal) => Promise<KafkaSasl | undefined>;
  let acls: KafkaAcl[] = [];
  let admin: KafkaMessaging;
  const run = uniqueName('int.access');
  const topics: PlatformTopicNames = {
    enrollmentEvents: `${run}.enrollment.events`,
    contributionsEvents: `${run}.contributions.events`,
    claimsEvents: `${run}.claims.events`,
    payoutsEvents: `${run}.payouts.events`,
    payoutSettlements: `${run}.payouts.settlements`,
  };
  const groupOf = (principal: string): string => `${run}.${principal}.`;

  const as = async (principal: TestKafkaPrincipal): Promise<KafkaMessaging> =>
    new KafkaMessaging({
      brokers,
      clientId: `access-${principal}`,
      logLevel: 'nothing',
      sasl: await credentials(principal),
    });

  beforeAll(async () => {
    if (testKafkaSecured()) {
      brokers = testKafkaConnection().kafkaBrokers;
      credentials = async (principal) => testKafkaConnection(principal).kafkaSasl;
    } else {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'santunan-kafka-access-'));
      const broker = await LocalKafkaBroker.onFreePorts(dataDir);
      ownBroker = { broker, dataDir };
      await broker.start();
      brokers = [broker.bootstrap];
      credentials = (principal) => broker.sasl(principal);
    }
    admin = await as('admin');
    await ensureConsumerTopics(admin, Object.values(topics));
    acls = aclsFor(
      platformAccess(topics, {
        groupPrefixes: {
          enrollment: groupOf('enrollment'),
          contributions: groupOf('contributions'),
          claims: groupOf('claims'),
          payouts: groupOf('payouts'),
          audit: groupOf('audit'),
          finance: groupOf('finance'),
        },
      }),
    );
    await admin.grantAcls(acls);
  }, 200_000);

  afterAll(async () => {
    // Not the audit's read of every topic: other runs on this broker share it.
    const own = acls.filter((acl) => acl.name !== ALL_TOPICS_PATTERN);
    await admin?.revokeAcls(own).catch(() => undefined);
    const created = Object.values(topics).flatMap((topic: string) => [topic, `${topic}.dlq`]);
    await admin?.deleteTopics(created);
    if (ownBroker !== undefined) {
      await ownBroker.broker.stop();
      await fs.rm(ownBroker.dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it("lets enrollment publish on its own topic and refuses claims' produce onto it", async () => {
    await publishAs(await as('enrollment'), topics.enrollmentEvents);
    expect(await refusal(publishAs(await as('claims'), topics.enrollmentEvents))).toMatch(
      TOPIC_REFUSED,
    );
  });

  it('lets a consumer read what it consumes in its own groups and dead-letter it, nothing more', async () => {
    const claims = await as('claims');
    const received: string[] = [];
    const subscription = await claims.subscribe({
      groupId: `${groupOf('claims')}enrollment`,
      topics: [topics.enrollmentEvents],
      fromBeginning: true,
      handle: async (message) => void received.push(message.value?.toString() ?? ''),
    });
    try {
      await publishAs(await as('enrollment'), topics.enrollmentEvents);
      await eventually(() => expect(received.length).toBeGreaterThan(0), { timeoutMs: 60_000 });
    } finally {
      await subscription.stop();
    }
    // The dead letters of what it consumes, yes; another service's dead letters, no.
    await publishAs(claims, `${topics.enrollmentEvents}.dlq`);
    expect(await refusal(publishAs(claims, `${topics.payoutsEvents}.dlq`))).toMatch(TOPIC_REFUSED);
  }, 120_000);

  it('lets the audit read every topic and write none', async () => {
    const audit = await as('audit');
    await publishAs(await as('payouts'), topics.payoutsEvents);
    const received: string[] = [];
    const subscription = await audit.subscribe({
      groupId: `${groupOf('audit')}read`,
      topics: [topics.payoutsEvents],
      fromBeginning: true,
      handle: async (message) => void received.push(message.topic),
    });
    try {
      await eventually(() => expect(received).toContain(topics.payoutsEvents), {
        timeoutMs: 60_000,
      });
    } finally {
      await subscription.stop();
    }
    // With no WRITE anywhere its producer is not even let in (InitProducerId).
    expect(await refusal(publishAs(audit, topics.enrollmentEvents))).toMatch(NOT_LET_IN);
  }, 120_000);

  it('lets finance report settlements and nothing else', async () => {
    const finance = await as('finance');
    await publishAs(finance, topics.payoutSettlements);
    expect(await refusal(publishAs(finance, topics.payoutsEvents))).toMatch(TOPIC_REFUSED);
  });

  it('refuses a wrong password and a client that does not authenticate', async () => {
    const sasl = await credentials('enrollment');
    const wrongPassword = new KafkaMessaging({
      brokers,
      clientId: 'access-wrong-password',
      logLevel: 'nothing',
      sasl: { mechanism: sasl!.mechanism, username: sasl!.username, password: 'not-the-password' },
    });
    expect(await refusal(publishAs(wrongPassword, topics.enrollmentEvents))).toMatch(
      /^KafkaJSSASLAuthenticationError /,
    );
    const anonymous = new KafkaMessaging({
      brokers,
      clientId: 'access-anonymous',
      logLevel: 'nothing',
    });
    // The SASL listener closes the connection of a client that skips the handshake.
    expect(await refusal(publishAs(anonymous, topics.enrollmentEvents))).toMatch(
      /^KafkaJS(Connection|ConnectionClosed|NumberOfRetriesExceeded)Error /,
    );
  });
});
