import { Module } from '@nestjs/common';
import { RealmUsers } from '@santunan/platform';
import type { Pool } from 'pg';
import type { ConsoleConfig } from '../config/console-config';
import { CONSOLE_CONFIG } from '../console-core.module';
import { CONSOLE_DATABASE } from '../database/console-database';
import { AdminChangeLog } from './admin-change-log';
import { ChangesController } from './changes.http.controller';
import { ClockController } from './clock.http.controller';
import { PlatformClocks } from './platform-clock';
import { UsersController } from './users.http.controller';

/**
 * The administrators' pages: people and their santunan roles through Keycloak's admin API
 * with the administrator's own token (ADR 0033), the record of every change, and the
 * simulated clock when the platform runs in simulation mode (ADR 0016).
 */
@Module({
  providers: [
    {
      provide: RealmUsers,
      inject: [CONSOLE_CONFIG],
      useFactory: (config: ConsoleConfig) => new RealmUsers(config.oidc.issuerUrl),
    },
    {
      provide: AdminChangeLog,
      inject: [CONSOLE_DATABASE],
      useFactory: (database: Pool) => AdminChangeLog.prepare(database),
    },
    {
      provide: PlatformClocks,
      inject: [CONSOLE_CONFIG],
      useFactory: (config: ConsoleConfig) => new PlatformClocks(config.services),
    },
  ],
  controllers: [UsersController, ChangesController, ClockController],
  exports: [AdminChangeLog],
})
export class AdminPagesModule {}
