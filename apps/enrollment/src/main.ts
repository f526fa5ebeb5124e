import './instrumentation';
import 'reflect-metadata';
import { bootstrapService } from '@santunan/platform';
import { enrollmentConfigFromEnvironment } from './config/enrollment-config';
import { EnrollmentModule } from './enrollment.module';

/** `npx nx run enrollment:serve` — the enrollment service on ENROLLMENT_PORT / PORT (3001). */
async function main(): Promise<void> {
  const config = enrollmentConfigFromEnvironment();
  await bootstrapService(EnrollmentModule.forRoot(config), {
    serviceName: 'enrollment',
    title: 'santunan — enrollment',
    description:
      'Participants (BPU workers) of BPJS Ketenagakerjaan JKK/JKM: registration, corrections, ' +
      'declared income, heirs, children for scholarships, bulk enrollment of a sponsor’s workers ' +
      'from CSV, and the read side (profile, history, search) with personal data masked by role.',
    port: config.service.httpPort,
    host: config.service.httpHost,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[enrollment] failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
