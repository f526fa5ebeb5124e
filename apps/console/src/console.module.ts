import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditPagesModule } from './audit/audit-pages.module';
import { AuthController } from './auth/auth.http.controller';
import { ClaimsPagesModule } from './claims/claims-pages.module';
import type { ConsoleConfig } from './config/console-config';
import { ConsoleCoreModule } from './console-core.module';
import type { ConsoleServices } from './services/console-services';
import { PublicController } from './web/public.http.controller';

/** The console: sign-in, the claims office's pages, and (./audit) the auditor's. */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig, database: Pool, services?: ConsoleServices): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ConsoleCoreModule.forRoot(config, database, services),
        ClaimsPagesModule,
        AuditPagesModule.forRoot(),
      ],
      controllers: [AuthController, PublicController],
    };
  }
}
