import './instrumentation';
import 'reflect-metadata';
import { bootstrapService, simulatedClockFromEnvironment } from '@santunan/platform';
import { contributionsConfigFromEnvironment } from './config/contributions-config';
import { ContributionsModule } from './contributions.module';

/** `npx nx run contributions:serve` — the contributions service on CONTRIBUTIONS_PORT / PORT (3002). */
async function main(): Promise<void> {
  const config = contributionsConfigFromEnvironment();
  // SANTUNAN_SIMULATED_CLOCK_START: a settable clock and PUT /simulation/clock (ADR 0016).
  const clock = simulatedClockFromEnvironment();
  const options = clock === undefined ? { config } : { config, clock };
  await bootstrapService(ContributionsModule.forRoot(options), {
    serviceName: 'contributions',
    title: 'santunan — contributions',
    description:
      'BPU contributions (iuran) of BPJS Ketenagakerjaan JKK/JKM: sponsor programs with budget and ' +
      'quota, monthly statements and sponsor payments, self-paying participants’ payments for ' +
      '1/3/6/12 months, and coverage per participant (paid through, arrears, lapse, masa iur).',
    port: config.service.httpPort,
    host: config.service.httpHost,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[contributions] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
