// docker/compose.yml must run the same topology as `npm run platform` (tools/platform), which
// the scenario runs against: no Docker engine runs here, so this reads the file and checks it
// against what each service reads from its environment (apps/*/src/config).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_TOPICS, Topics, deadLetterTopic } from '@santunan/contracts';
import { PLATFORM_PRINCIPALS, aclsFor, localEventKeys, platformAccess } from '@santunan/platform';
import { parse } from 'yaml';
import { claimsConfigFromEnvironment } from '../../apps/claims/src/config/claims-config';
import { consoleConfigFromEnvironment } from '../../apps/console/src/config/console-config';
import { contributionsConfigFromEnvironment } from '../../apps/contributions/src/config/contributions-config';
import { enrollmentConfigFromEnvironment } from '../../apps/enrollment/src/config/enrollment-config';
import { payoutsConfigFromEnvironment } from '../../apps/payouts/src/config/payouts-config';
import { CONSOLE, SERVICES, serviceArguments } from '../platform/services';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface ComposeService {
  readonly image?: string;
  readonly build?: { context: string; dockerfile: string };
  readonly environment?: Record<string, string>;
  readonly ports?: string[];
  readonly depends_on?: Record<string, { condition: string }>;
  readonly healthcheck?: { test: string[] };
  readonly command?: string[];
  readonly volumes?: string[];
}

const compose = parse(read('docker/compose.yml')) as { services: Record<string, ComposeService> };

/** The PEM and JSON `eval "$(npm run -s keys -- --shell)"` exports (ADR 0025). */
const eventKeys = localEventKeys(
  fs.mkdtempSync(path.join(os.tmpdir(), 'compose-event-keys-')),
  SERVICES.map((service) => service.name),
);

/** What `docker compose` does with `${NAME:?message}` when the variables are exported. */
const EXPORTED: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(eventKeys.environment).map(([name, file]) => [
      name,
      fs.readFileSync(file, 'utf8'),
    ]),
  ),
  ENROLLMENT_NIK_HMAC_KEY: 'a-compose-nik-lookup-key-of-at-least-32-characters',
  KEYCLOAK_ADMIN_PASSWORD: 'a-compose-keycloak-admin-password-of-32-chars',
  CONSOLE_OIDC_CLIENT_SECRET: 'a-compose-console-client-secret-of-32-chars',
  CONSOLE_SESSION_SECRET: 'a-compose-console-session-secret-of-32-chars',
  METRICS_SCRAPE_TOKEN: 'a-compose-metrics-scrape-token-of-32-chars',
  // Kafka's users (ADR 0024).
  KAFKA_ADMIN_PASSWORD: 'a-compose-kafka-admin-password-of-32-chars',
  KAFKA_CONTROLLER_PASSWORD: 'a-compose-kafka-controller-password-32-chars',
  ...Object.fromEntries(
    PLATFORM_PRINCIPALS.map((principal) => [
      `${principal.toUpperCase()}_KAFKA_PASSWORD`,
      `a-compose-kafka-password-of-${principal}-32-chars`,
    ]),
  ),
};
function interpolated(environment: Record<string, string>): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{(\w+):\?[^}]*\}/g, (_, variable: string) => {
        const exported = EXPORTED[variable];
        if (exported === undefined) throw new Error(`${name} needs ${variable}`);
        return exported;
      }),
    ]),
  );
}

/** Each app's own reading of an environment (they read process.env for the shared part). */
function serviceSettings(name: string, env: NodeJS.ProcessEnv) {
  const saved = process.env;
  process.env = { ...env };
  try {
    switch (name) {
      case 'enrollment':
        return enrollmentConfigFromEnvironment(env).service;
      case 'contributions':
        return contributionsConfigFromEnvironment(env).service;
      case 'claims':
        return claimsConfigFromEnvironment(env).service;
      case 'payouts':
        return payoutsConfigFromEnvironment(env).service;
      default:
        throw new Error(`unknown service ${name}`);
    }
  } finally {
    process.env = saved;
  }
}

/** The kafka container's start script (it writes server.properties and formats the storage). */
function brokerScript(): string {
  return (compose.services['kafka']?.command ?? []).join('\n');
}

describe('docker/compose.yml: the platform as containers', () => {
  it('runs Kafka, PostgreSQL, Keycloak, the one-shot topic and identity steps, the four services and the console', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [
        'kafka',
        'postgres',
        'topics',
        'keycloak',
        'identity-setup',
        ...SERVICES.map((service) => service.name),
        'console',
        'prometheus',
      ].sort(),
    );
  });

  it('runs the Keycloak release tools/keycloak fetches, with the realm file imported and its data in PostgreSQL', () => {
    const keycloak = compose.services['keycloak'] ?? {};
    const pom = read('tools/keycloak/pom.xml');
    const version = /<keycloak\.version>([^<]+)</.exec(pom)?.[1];
    expect(keycloak.image).toBe(`quay.io/keycloak/keycloak:${version}`);
    expect(keycloak.command).toEqual(expect.arrayContaining(['start', '--import-realm']));
    expect(keycloak.command).toContain('--hostname=http://127.0.0.1:8180');
    expect(keycloak.volumes).toContain(
      '../tools/keycloak/realm/santunan-realm.json:/opt/keycloak/data/import/santunan-realm.json:ro',
    );
    expect(keycloak.environment?.['KC_DB_URL']).toBe(
      'jdbc:postgresql://postgres:5432/santunan_keycloak',
    );
  });

  describe.each(SERVICES.map((service) => [service.name, service.port] as const))(
    '%s',
    (name, port) => {
      const service = compose.services[name] ?? {};
      const env = interpolated(service.environment ?? {});

      it(`is built from docker/Dockerfile and publishes port ${port}`, () => {
        expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
        expect(service.ports).toEqual([`${port}:${port}`]);
        expect(env['SANTUNAN_SERVICE']).toBe(name);
      });

      it('reads from its environment what npm run platform gives it', () => {
        const settings = serviceSettings(name, env);
        expect(settings.httpPort).toBe(port);
        expect(settings.databaseUrl).toBe(
          `postgres://postgres:postgres@postgres:5432/santunan_${name}`,
        );
        expect(settings.keyDatabaseUrl).toBe(
          'postgres://postgres:postgres@postgres:5432/santunan_keys',
        );
        // The broker's listener for other containers (advertised as INTERNAL).
        expect(settings.kafkaBrokers).toEqual(['kafka:19092']);
        // Signed in as itself, with the password the broker created its user with.
        expect(settings.kafkaSasl).toEqual({
          mechanism: 'scram-sha-512',
          username: name,
          password: EXPORTED[`${name.toUpperCase()}_KAFKA_PASSWORD`],
        });
        // Keycloak's RS256 tokens: the public issuer, the keys fetched inside the network.
        expect(settings.auth).toEqual({
          mode: 'jwks',
          issuer: 'http://127.0.0.1:8180/realms/santunan',
          jwksUrl: 'http://keycloak:8080/realms/santunan/protocol/openid-connect/certs',
          audience: 'santunan-api',
          clockToleranceSeconds: 30,
        });
        // Its own signing key, found in the keyring everyone verifies with.
        expect(settings.eventSigning.signingKey.keyId).toBe(`${name}-local`);
        expect(settings.eventSigning.keyring.keys).toHaveLength(SERVICES.length);
        // The token Prometheus sends for /metrics (ADR 0029).
        expect(settings.metricsScrapeToken).toBe(EXPORTED['METRICS_SCRAPE_TOKEN']);
      });

      it('starts after PostgreSQL and Kafka are healthy and the topics exist; is checked on /health/ready', () => {
        expect(service.depends_on).toEqual({
          postgres: { condition: 'service_healthy' },
          kafka: { condition: 'service_healthy' },
          topics: { condition: 'service_completed_successfully' },
        });
        expect(service.healthcheck?.test.join(' ')).toContain(
          `http://127.0.0.1:${port}/health/ready`,
        );
      });
    },
  );

  it('the Kafka listener the services use is the one the broker advertises to containers', () => {
    const kafka = compose.services['kafka']?.environment ?? {};
    expect(brokerScript()).toContain('advertised.listeners=INTERNAL://kafka:19092,');
    expect(Object.keys(kafka)).toEqual(expect.arrayContaining(['KAFKA_ADMIN_PASSWORD']));
  });

  it('authenticates every client (SCRAM) and allows only what an ACL allows, as kafka.sh runs it', () => {
    const script = brokerScript();
    for (const line of [
      'listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT',
      'sasl.enabled.mechanisms=SCRAM-SHA-512',
      'sasl.mechanism.controller.protocol=PLAIN',
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'allow.everyone.if.no.acl.found=false',
      'super.users=User:admin;User:controller',
    ]) {
      expect(script.split('\n')).toContain(line);
    }
    const local = read('tools/kafka/kafka.sh');
    for (const setting of ['StandardAuthorizer', 'allow.everyone.if.no.acl.found=false'])
      expect(local).toContain(setting);
    // Every principal's user is created when the storage is formatted.
    const users = /for user in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    expect(users.sort()).toEqual(['admin', ...PLATFORM_PRINCIPALS].sort());
    expect(script).toContain('--add-scram "SCRAM-SHA-512=[name=$$user,');
  });

  it('grants exactly the ACLs of platformAccess, as npm run platform does', () => {
    const script = (compose.services['topics']?.command ?? []).join('\n');
    expect(script).toContain('--command-config /tmp/admin.properties');
    const granted = [
      ...script.matchAll(/^acl (\S+) (\S+) (topic|group) (\S+) (literal|prefixed)$/gm),
    ]
      .map(([, principal, operation, resource, name, pattern]) =>
        [principal, operation?.toLowerCase(), resource, name === "'*'" ? '*' : name, pattern].join(
          ' ',
        ),
      )
      .sort();
    const table = aclsFor(platformAccess(Topics))
      .map((acl) => [acl.principal, acl.operation, acl.resource, acl.name, acl.pattern].join(' '))
      .sort();
    expect(granted).toEqual(table);
  });

  it('runs Prometheus with the scrape token and the alert rules npm run platform uses', () => {
    const prometheus = compose.services['prometheus'] ?? {};
    expect(prometheus.volumes).toEqual(
      expect.arrayContaining([
        './prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        '../tools/monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro',
      ]),
    );
    expect(interpolated(prometheus.environment ?? {})['METRICS_SCRAPE_TOKEN']).toBe(
      EXPORTED['METRICS_SCRAPE_TOKEN'],
    );
    // The file its credentials_file names (docker/prometheus/prometheus.yml).
    expect(prometheus.command?.join('\n')).toContain('> /tmp/scrape-token');
  });

  it("the console's audit pages read Kafka as the audit user", () => {
    const env = interpolated(compose.services['console']?.environment ?? {});
    expect(env['KAFKA_BROKERS']).toBe('kafka:19092');
    expect(env['AUDIT_KAFKA_USERNAME']).toBe('audit');
    expect(env['AUDIT_KAFKA_PASSWORD']).toBe(EXPORTED['AUDIT_KAFKA_PASSWORD']);
  });

  it('creates every database the services and the key store use', () => {
    const init = read('docker/postgres-init.sql');
    for (const database of [
      ...SERVICES.map((service) => `santunan_${service.name}`),
      'santunan_keys',
      'santunan_keycloak',
      'santunan_console',
    ]) {
      expect(init).toContain(`create database ${database};`);
    }
  });

  it('creates every topic and its dead-letter topic before the services start', () => {
    const script = (compose.services['topics']?.command ?? []).join('\n');
    const loop = /for topic in ([^;]+);/.exec(script)?.[1]?.trim().split(/\s+/) ?? [];
    expect(loop.sort()).toEqual([...ALL_TOPICS].sort());
    expect(script).toContain('--topic "$$topic"');
    expect(script).toContain(`--topic "${deadLetterTopic('$$topic')}"`);
  });

  it('every app the image runs listens on 0.0.0.0, so its published port reaches it', () => {
    const fromImage = Object.entries(compose.services).filter(
      ([, service]) => service.build?.dockerfile === 'docker/Dockerfile',
    );
    expect(fromImage.map(([name]) => name).sort()).toEqual(
      [...SERVICES.map((service) => service.name), CONSOLE.name].sort(),
    );
    for (const [name, service] of fromImage) {
      const env = interpolated(service.environment ?? {});
      const host =
        name === CONSOLE.name
          ? consoleConfigFromEnvironment(env).host
          : serviceSettings(name, env).httpHost;
      expect({ name, host }).toEqual({ name, host: '0.0.0.0' });
    }
  });

  it('outside a container the apps listen on 127.0.0.1 unless told otherwise', () => {
    const local = {
      AUTH_MODE: 'hs256',
      AUTH_JWT_SECRET: 'a-local-secret-of-at-least-32-characters',
      ...eventKeys.environment,
    };
    for (const service of SERVICES)
      expect(serviceSettings(service.name, local).httpHost).toBe('127.0.0.1');
    expect(
      consoleConfigFromEnvironment({
        CONSOLE_SESSION_SECRET: 'a-session-secret-of-at-least-thirty-two-chars',
        OIDC_CLIENT_SECRET: 'secret',
      }).host,
    ).toBe('127.0.0.1');
  });

  it('builds every app in one stage and runs the built JavaScript, as npm run platform does, in the other', () => {
    const stages = read('docker/Dockerfile')
      .split(/^FROM /m)
      .slice(1);
    expect(stages.map((stage) => stage.split('\n')[0])).toEqual([
      'node:20-bookworm-slim AS build',
      'node:20-bookworm-slim AS runtime',
    ]);
    const [build = '', runtime = ''] = stages;
    expect(build).toContain('RUN npm ci');
    expect(build).toContain('RUN npm run build');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['build']).toBe('nx run-many -t build');
    for (const app of [...SERVICES.map((service) => service.name), CONSOLE.name]) {
      const project = JSON.parse(read(`apps/${app}/project.json`)) as {
        targets: Record<string, { options?: { command?: string } }>;
      };
      expect(project.targets['build']?.options?.command).toBe(
        `node tools/build/build-app.mjs ${app}`,
      );
    }
    // Production dependencies and the build only; not root.
    expect(runtime).toContain('RUN npm ci --omit=dev');
    expect(runtime).toContain('COPY --from=build /build/dist ./dist');
    expect(runtime).not.toMatch(/ts-node|tsconfig-paths|COPY (apps|libs)/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toContain('exec node dist/apps/${SANTUNAN_SERVICE}/main.js');
    expect(serviceArguments('enrollment')).toEqual(['dist/apps/enrollment/main.js']);
  });
});
