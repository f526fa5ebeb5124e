import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import helmet from 'helmet';
import type { Pool } from 'pg';
import './auth/session-data';
import { isSecureDeployment, type ConsoleConfig } from './config/console-config';
import { ConsoleModule } from './console.module';
import { SESSION_TABLE } from './database/console-database';
import type { ConsoleServices } from './services/console-services';

export const SESSION_COOKIE = 'santunan.sid';
const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

/**
 * The console as a Nest application with its HTTP edge: helmet with a strict CSP (no inline
 * script or style anywhere), static assets, the server-side session in PostgreSQL.
 */
export async function createConsoleApp(
  config: ConsoleConfig,
  database: Pool,
  options: { services?: ConsoleServices; logger?: false } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    ConsoleModule.forRoot(config, database, options.services),
    options.logger === false ? { logger: false } : { bufferLogs: true },
  );
  // Nest's own messages through the console's logger (ADR 0028).
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const secure = isSecureDeployment(config);
  if (secure) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  const identityProvider = new URL(config.oidc.issuerUrl).origin;
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          // Sign-out posts here and is redirected to Keycloak's end-session endpoint, which
          // browsers check against form-action too.
          formAction: ["'self'", identityProvider],
          ...(secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      strictTransportSecurity: secure,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.useStaticAssets(path.join(__dirname, 'assets'), {
    prefix: '/assets/',
    index: false,
    maxAge: '1h',
  });
  const htmx = require.resolve('htmx.org/dist/htmx.min.js');
  app.use('/assets/htmx.min.js', (_request: unknown, response: { sendFile(file: string): void }) =>
    response.sendFile(htmx),
  );
  const PgStore = connectPgSimple(session);
  const sessions = new PgStore({
    pool: database,
    tableName: SESSION_TABLE,
    createTableIfMissing: false,
  });
  // The store prunes expired sessions on a timer; it must stop with the app, before the pool
  // it queries is ended, or a late prune writes to a closed pool.
  app.getHttpServer().once('close', () => void sessions.close());
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: config.sessionSecret,
      store: sessions,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: EIGHT_HOURS_MS, path: '/' },
    }),
  );
  return app;
}
