/**
 * An example finance consumer of `payouts.events` (docs/finance-consumer-guide.md):
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/payouts/example-finance-consumer.ts [--topic payouts.events] [--group finance-example] \
 *     [--settle [--value-date YYYY-MM-DD] [--settlements-topic payouts.settlements]] [--idle-exit-ms 15000]
 *
 * KAFKA_BROKERS (default 127.0.0.1:9092); on a broker with SASL the `finance` principal from
 * FINANCE_KAFKA_USERNAME / _PASSWORD (or KAFKA_SASL_*); KEYS_DATABASE_URL to decrypt names and accounts;
 * EVENT_PUBLIC_KEYS, the published keyring (default: npm run platform's .local/keys): only payout
 * orders signed by payouts are booked.
 * With --settle it plays the bank and reports each instructed payout settled. It prints one
 * line per event and, on exit (Ctrl-C or --idle-exit-ms without messages), the ledger totals.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eventKeyringFromEnvironment, kafkaSaslFromEnvironment } from '@santunan/platform';
import { startFinanceConsumer } from './finance-consumer';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      group: { type: 'string', default: 'finance-example' },
      settle: { type: 'boolean', default: false },
      'value-date': { type: 'string' },
      'settlements-topic': { type: 'string' },
      'idle-exit-ms': { type: 'string' },
    },
  });
  // The keyring EVENT_PUBLIC_KEYS names, else the one `npm run platform` keeps in .local/keys.
  const keyring = eventKeyringFromEnvironment(
    process.env,
    path.resolve(__dirname, '../../.local/keys/event-keyring.json'),
  );
  if (keyring === undefined) {
    throw new Error(
      'no published keyring: set EVENT_PUBLIC_KEYS (payout orders are checked by signature)',
    );
  }
  let lastMessageAt = Date.now();
  const consumer = await startFinanceConsumer({
    kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    kafkaSasl: kafkaSaslFromEnvironment('finance'),
    topic: values.topic,
    groupId: values.group,
    keyring,
    keyDatabaseUrl: process.env['KEYS_DATABASE_URL'] || undefined,
    settle: values.settle
      ? {
          topic: values['settlements-topic'],
          valueDate:
            values['value-date'] ?? new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
        }
      : null,
    log: (line) => {
      lastMessageAt = Date.now();
      process.stdout.write(`${line}\n`);
    },
  });
  const finish = async (): Promise<void> => {
    await consumer.stop();
    const totals = consumer.ledger.totals();
    process.stdout.write(
      `payouts: ${consumer.ledger.lines.size}, settled Rp${totals.settled}, open Rp${totals.open}, ` +
        `cancelled Rp${totals.cancelled}, refused by schema: ${consumer.rejected.length}\n`,
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void finish());
  process.once('SIGTERM', () => void finish());
  const idleExitMs =
    values['idle-exit-ms'] === undefined ? undefined : Number(values['idle-exit-ms']);
  if (idleExitMs !== undefined) {
    const timer = setInterval(() => {
      if (Date.now() - lastMessageAt >= idleExitMs) {
        clearInterval(timer);
        void finish();
      }
    }, 500);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `example-finance-consumer: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
