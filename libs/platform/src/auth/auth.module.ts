import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from './auth-config';
import { accessTokenVerifier } from './access-token-verifier';
import { ACCESS_TOKEN_VERIFIER, AUTH_CONFIG, AuthGuard } from './auth.guard';

/** Import once in a service's root module; pair it with `ProblemDetailsModule` for 401/403 bodies. */
@Module({})
export class AuthModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        // One per app, so the identity provider's keys are fetched once and cached.
        { provide: ACCESS_TOKEN_VERIFIER, useValue: accessTokenVerifier(config) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_CONFIG],
    };
  }
}
