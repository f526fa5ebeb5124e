import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Pool } from 'pg';
import { createLogger, ObservabilityModule } from '@santunan/platform';
import { OidcClient } from './auth/oidc.client';
import { ConsolePageGuard } from './auth/page-access';
import type { ConsoleConfig } from './config/console-config';
import { CONSOLE_DATABASE } from './database/console-database';
import { PeopleDirectory } from './people/people-directory';
import { ConsoleServices } from './services/console-services';
import { PageExceptionFilter } from './web/page-exception.filter';

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');

/**
 * What every page module shares: the configuration, the console's database, the OIDC client,
 * the service clients, the people directory, the sign-in/role/CSRF guard and the error pages.
 */
@Global()
@Module({})
export class ConsoleCoreModule {
  static forRoot(config: ConsoleConfig, database: Pool, services?: ConsoleServices): DynamicModule {
    return {
      module: ConsoleCoreModule,
      // Its request lines and spans as every service's; service calls carry the trace on.
      imports: [ObservabilityModule.forRoot(createLogger('console', config.logging))],
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        { provide: CONSOLE_DATABASE, useValue: database },
        { provide: OidcClient, useValue: new OidcClient(config) },
        { provide: ConsoleServices, useValue: services ?? new ConsoleServices(config.services) },
        { provide: PeopleDirectory, useFactory: () => PeopleDirectory.prepare(database) },
        { provide: APP_GUARD, useClass: ConsolePageGuard },
        { provide: APP_FILTER, useClass: PageExceptionFilter },
      ],
      exports: [CONSOLE_CONFIG, CONSOLE_DATABASE, OidcClient, ConsoleServices, PeopleDirectory],
    };
  }
}
