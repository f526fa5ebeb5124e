import { Module, type DynamicModule } from '@nestjs/common';
import { auditTargets, verifyPlatform, type AuditTargets } from '@santunan/audit';
import type { Pool } from 'pg';
import type { ConsoleConfig } from '../config/console-config';
import { CONSOLE_CONFIG } from '../console-core.module';
import { CONSOLE_DATABASE } from '../database/console-database';
import { AUDIT_TARGETS, AuditExplorer } from './audit-explorer';
import { AuditController } from './audit.http.controller';
import { AUDITOR_TOKENS, AuditorGuard, auditorTokenConfig, auditorTokens } from './auditor-access';
import { RevealLog } from './reveal-log';
import { VERIFY_PLATFORM, VerifyJobs } from './verify-jobs';

/**
 * The auditor's pages. Unlike the rest of the console they read the four event stores, topics
 * and key database through libs/audit, read-only (the audit has no HTTP service); the
 * `auditor` role from the verified access token gates every route.
 */
@Module({})
export class AuditPagesModule {
  /** `targets`: where the stores are; by default found as the services find them. */
  static forRoot(targets: AuditTargets = auditTargets()): DynamicModule {
    return {
      module: AuditPagesModule,
      providers: [
        { provide: AUDIT_TARGETS, useValue: targets },
        { provide: VERIFY_PLATFORM, useValue: verifyPlatform },
        {
          provide: RevealLog,
          inject: [CONSOLE_DATABASE],
          useFactory: (database: Pool) => RevealLog.prepare(database),
        },
        {
          provide: AUDITOR_TOKENS,
          inject: [CONSOLE_CONFIG],
          useFactory: (config: ConsoleConfig) =>
            auditorTokens(auditorTokenConfig(config.oidc.issuerUrl)),
        },
        AuditExplorer,
        VerifyJobs,
        AuditorGuard,
      ],
      controllers: [AuditController],
      exports: [AuditExplorer, VerifyJobs, RevealLog],
    };
  }
}
