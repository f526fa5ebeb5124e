import './instrumentation';
import 'reflect-metadata';
import { bootstrapService } from '@santunan/platform';
import { ClaimsModule } from './claims.module';
import { claimsConfigFromEnvironment } from './config/claims-config';

/** `npx nx run claims:serve` — the claims service on CLAIMS_PORT / PORT (3003). */
async function main(): Promise<void> {
  const config = claimsConfigFromEnvironment();
  await bootstrapService(ClaimsModule.forRoot(config), {
    serviceName: 'claims',
    title: 'santunan — claims',
    description:
      'JKK (work accident) and JKM (death) claims of BPJS Ketenagakerjaan, and the scholarships ' +
      'that follow: stage I accident reports, stage II claims, documents against the checklist, ' +
      'eligibility as named policies with reasons, decisions with their legal basis under ' +
      'maker–checker, the payment SLA, the work queue and each claim’s timeline.',
    port: config.service.httpPort,
    host: config.service.httpHost,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[claims] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
