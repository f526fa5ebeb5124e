import { randomUUID } from 'node:crypto';
import {
  PayoutsSchemaValidator,
  Topics,
  verifyEventSignature,
  type EventKeyring,
  type SettlementReport,
} from '@santunan/contracts';
import {
  KafkaMessaging,
  PersonalDataCipher,
  PlatformDatabase,
  PostgresSubjectKeyStore,
  decryptPersonalFields,
  type IncomingMessage,
  type KafkaSasl,
  type MessagePublisher,
  type Subscription,
} from '@santunan/platform';
import { FinanceLedger } from './finance-ledger';

export interface FinanceConsumerOptions {
  readonly kafkaBrokers: readonly string[];
  /** The `finance` principal (ADR 0024): reads payouts.events, writes payouts.settlements. */
  readonly kafkaSasl?: KafkaSasl;
  readonly topic?: string;
  readonly groupId: string;
  /**
   * The published keyring (ADR 0025): only messages signed with payouts' key are booked, so a
   * payout order someone else put on the topic is never paid.
   */
  readonly keyring: EventKeyring;
  /** With the shared key database, names and accounts are decrypted; without, they stay sealed. */
  readonly keyDatabaseUrl?: string;
  /**
   * Act as the bank: report payouts instructed from now on as settled on `payouts.settlements`
   * (older instructions, read again from the start of the topic, were the real bank's business).
   */
  readonly settle?: { readonly topic?: string; readonly valueDate: string } | null;
  readonly log?: (line: string) => void;
}

export interface FinanceConsumer {
  readonly ledger: FinanceLedger;
  /** Messages refused by their signature or the published schemas (a real consumer parks them for a person). */
  readonly rejected: { offset: string; errors: readonly string[] }[];
  stop(): Promise<void>;
}

/**
 * An example finance system on `payouts.events`: checks each message's signature against the
 * published keyring and validates it against the published JSON Schema, deduplicates by event id, keeps a ledger per payout and — optionally — plays
 * the bank by reporting instructed payouts as settled. At least once in, idempotent out.
 */
export async function startFinanceConsumer(
  options: FinanceConsumerOptions,
): Promise<FinanceConsumer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const messaging = new KafkaMessaging({
    brokers: options.kafkaBrokers,
    clientId: 'example-finance',
    sasl: options.kafkaSasl,
    logLevel: 'error',
  });
  const validator = new PayoutsSchemaValidator();
  const ledger = new FinanceLedger();
  const rejected: { offset: string; errors: readonly string[] }[] = [];

  let keyDatabase: PlatformDatabase | undefined;
  let cipher: PersonalDataCipher | undefined;
  if (options.keyDatabaseUrl !== undefined) {
    keyDatabase = await new PlatformDatabase({ url: options.keyDatabaseUrl, poolSize: 2 }).open();
    cipher = new PersonalDataCipher(new PostgresSubjectKeyStore(keyDatabase));
  }
  const bank: MessagePublisher | undefined = options.settle
    ? await messaging.createPublisher()
    : undefined;

  async function handle(message: IncomingMessage): Promise<void> {
    const signature = verifyEventSignature(options.keyring, message, { owner: 'payouts' });
    if (!signature.ok) {
      rejected.push({
        offset: message.offset,
        errors: [`${signature.reason}: ${signature.message}`],
      });
      log(`! offset ${message.offset} refused: ${signature.reason} (${signature.message})`);
      return;
    }
    const parsed: unknown =
      message.value === null ? null : JSON.parse(message.value.toString('utf8'));
    const check = validator.checkEvent(parsed);
    if (!check.valid) {
      rejected.push({ offset: message.offset, errors: check.errors });
      log(`! offset ${message.offset} refused by the schema: ${check.errors.join('; ')}`);
      return;
    }
    const envelope = parsed as { eventId: string; type: string; data: Record<string, unknown> };
    const data =
      cipher === undefined ? envelope.data : await decryptPersonalFields(cipher, envelope.data);
    if (!ledger.apply({ ...envelope, data })) return;
    const payoutId = typeof data['payoutId'] === 'string' ? data['payoutId'] : undefined;
    const line = payoutId === undefined ? undefined : ledger.lines.get(payoutId);
    log(
      line === undefined
        ? `${envelope.type}`
        : `${envelope.type.padEnd(22)} ${line.payoutId} ${line.program.padEnd(11)} ${String(line.amount).padStart(12)} IDR  ${line.status.padEnd(10)} ${line.beneficiary} (${line.account})`,
    );
    if (
      bank !== undefined &&
      options.settle &&
      envelope.type === 'PayoutInstructed' &&
      line !== undefined
    ) {
      const report: SettlementReport = {
        schemaVersion: 1,
        reportId: `example-${line.payoutId}-${line.attempt}`,
        payoutId: line.payoutId,
        batchId: String(data['batchId']),
        outcome: 'settled',
        bankReference: `EXAMPLE-${randomUUID()}`,
        amount: line.amount,
        valueDate: options.settle.valueDate,
        reasonCode: null,
        reason: null,
        reportedAt: new Date().toISOString(),
      };
      await bank.publish(options.settle.topic ?? Topics.payoutSettlements, [
        {
          key: report.payoutId,
          value: JSON.stringify(report),
          headers: { 'content-type': 'application/json' },
        },
      ]);
      log(`  → reported ${line.payoutId} settled (${report.bankReference})`);
    }
  }

  const subscription: Subscription = await messaging.subscribe({
    groupId: options.groupId,
    topics: [options.topic ?? Topics.payoutsEvents],
    fromBeginning: true,
    handle,
  });
  return {
    ledger,
    rejected,
    stop: async () => {
      await subscription.stop();
      await bank?.close();
      await keyDatabase?.close();
    },
  };
}
