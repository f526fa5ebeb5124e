// The contributions service as a process of its own for a spec (scale-out.e2e.spec.ts): what
// apps/contributions/src/main.ts does, configured from the environment the same way, except
// that SPEC_SERVICE_NAME renames the service, so its consumer groups belong to this test run
// alone on a shared broker. Instances started with the same name share the groups, the outbox
// relay's leadership and the scheduler's, as replicas in production do.
import 'reflect-metadata';
import {
  ContributionsModule,
  contributionsConfigFromEnvironment,
} from '@santunan/contributions-service';
import { bootstrapService, simulatedClockFromEnvironment } from '@santunan/platform';

async function main(): Promise<void> {
  const name = process.env['SPEC_SERVICE_NAME'];
  if (!name) throw new Error('SPEC_SERVICE_NAME is not set');
  const fromEnvironment = contributionsConfigFromEnvironment();
  const config = { ...fromEnvironment, service: { ...fromEnvironment.service, serviceName: name } };
  const clock = simulatedClockFromEnvironment();
  await bootstrapService(
    ContributionsModule.forRoot(clock === undefined ? { config } : { config, clock }),
    {
      serviceName: 'contributions',
      title: 'santunan — contributions (spec process)',
      description: 'scale-out spec',
      port: config.service.httpPort,
      host: config.service.httpHost,
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[contributions process] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
