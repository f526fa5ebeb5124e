import './instrumentation';
import 'reflect-metadata';
import { bootstrapService } from '@santunan/platform';
import { payoutsConfigFromEnvironment } from './config/payouts-config';
import { PayoutsModule } from './payouts.module';

/** `npx nx run payouts:serve` — the payouts service on PAYOUTS_PORT / PORT (3004). */
async function main(): Promise<void> {
  const config = payoutsConfigFromEnvironment();
  await bootstrapService(PayoutsModule.forRoot(config), {
    serviceName: 'payouts',
    title: 'santunan — payouts',
    description:
      'Payout orders from approved JKK/JKM decisions and scholarship instalments, bank batches and ' +
      'files, settlement reports, reissue to corrected accounts (maker–checker), late-payment ' +
      'compensation and daily reconciliation. Finance consumes payouts.events (see ' +
      'docs/asyncapi/payouts.asyncapi.yaml) and reports back on payouts.settlements or here.',
    port: config.service.httpPort,
    host: config.service.httpHost,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[payouts] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
