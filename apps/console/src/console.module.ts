import { Module, type DynamicModule } from '@nestjs/common';
import {
  DEFAULT_CHECK_TIMEOUT_MS,
  HealthModule,
  databaseCheck,
  identityProviderCheck,
  isDiscoveryDocument,
} from '@santunan/platform';
import type { Pool } from 'pg';
import { AuditPagesModule } from './audit/audit-pages.module';
import { AuthController } from './auth/auth.http.controller';
import { ClaimsPagesModule } from './claims/claims-pages.module';
import { ProgramsPagesModule } from './programs/programs-pages.module';
import { EnrollmentPagesModule } from './enrollment/enrollment-pages.module';
import { FinancePagesModule } from './finance/finance-pages.module';
import { AdminPagesModule } from './admin/admin-pages.module';
import { DashboardsPagesModule } from './dashboards/dashboards-pages.module';
import type { ConsoleConfig } from './config/console-config';
import { ConsoleCoreModule } from './console-core.module';
import type { ConsoleServices } from './services/console-services';
import { PublicController } from './web/public.http.controller';
import { PublicPage } from './auth/page-access';

/**
 * The console: sign-in, the claims office's pages, (./audit) the auditor's, and GET
 * /health/live and /health/ready — ready while its session store and the identity provider it
 * signs users in with answer (ADR 0030).
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig, database: Pool, services?: ConsoleServices): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ConsoleCoreModule.forRoot(config, database, services),
        ClaimsPagesModule,
        AuditPagesModule.forRoot(),
        ProgramsPagesModule,
        EnrollmentPagesModule,
        FinancePagesModule,
        AdminPagesModule,
        DashboardsPagesModule,
        HealthModule.forRoot({
          open: PublicPage(),
          readiness: {
            useFactory: () => [
              databaseCheck('sessionStore', database),
              identityProviderCheck(
                `${config.oidc.issuerUrl}/.well-known/openid-configuration`,
                isDiscoveryDocument,
                DEFAULT_CHECK_TIMEOUT_MS,
              ),
            ],
          },
        }),
      ],
      controllers: [AuthController, PublicController],
    };
  }
}
