// Polls a broker until the kafkajs admin client can describe the cluster and the
// group coordinator answers, so a "ready" broker can really take producers and groups.
// usage: node wait-ready.mjs <bootstrap> [timeoutSeconds]
// With KAFKA_SASL_USERNAME / _PASSWORD (kafka.sh sets admin's) it signs in first (SCRAM).
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const [bootstrap = '127.0.0.1:9092', timeoutArg = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg) * 1000;
const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
const mechanism = process.env.KAFKA_SASL_MECHANISM || 'scram-sha-512';
const kafka = new Kafka({
  clientId: 'santunan-wait-ready',
  brokers: [bootstrap],
  logLevel: logLevel.NOTHING,
  retry: { retries: 0 },
  connectionTimeout: 2000,
  ...(username ? { sasl: { mechanism, username, password } } : {}),
});

let lastError = 'no attempt';
while (Date.now() < deadline) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length > 0) {
      // listGroups needs the coordinator up, which is what consumers will need first.
      await admin.listGroups();
      await admin.disconnect();
      process.exit(0);
    }
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
  }
  await admin.disconnect().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.error(`[kafka] not ready at ${bootstrap} after ${timeoutArg}s: ${lastError}`);
process.exit(1);
