// Each service's OpenAPI document, as the running service serves it at /docs-json, passes the
// linters outside tools use — Redocly (`recommended`) and Spectral (`spectral:oas`) — with no
// errors, and says what the platform promises: servers, the health routes, and every problem an
// operation answers with as application/problem+json. See docs/adr/0020-openapi-contracts.md.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REJECTION_ANSWERS, type RejectionAnswers } from '@santunan/platform';
import {
  SERVICE_NAMES,
  startSantunanPlatform,
  type SantunanPlatform,
  type ServiceName,
} from './support/santunan-platform';

const run = promisify(execFile);
const BIN = path.join(__dirname, '..', 'node_modules', '.bin');

jest.setTimeout(180_000);

interface Finding {
  readonly linter: 'redocly' | 'spectral';
  readonly severity: 'error' | 'warning';
  readonly rule: string;
  readonly where: string;
  readonly message: string;
}

type Operation = {
  readonly operationId?: string;
  readonly security?: unknown[];
  readonly parameters?: Array<{ in: string }>;
  readonly requestBody?: unknown;
  readonly responses: Record<string, { description: string; content?: Record<string, unknown> }>;
};
type Document = {
  readonly servers?: Array<{ url: string }>;
  readonly paths: Record<string, Record<string, Operation>>;
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head']);

function operations(document: Document): Array<[string, Operation]> {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${route}`,
        operation,
      ]),
  );
}

/** Exit status 1 means "problems found": the report is still on stdout. */
async function lintOutput(file: string, args: readonly string[]): Promise<string> {
  try {
    return (await run(file, args, { maxBuffer: 32 * 1024 * 1024, env: lintEnvironment() })).stdout;
  } catch (error) {
    const stdout = (error as { stdout?: unknown }).stdout;
    if (typeof stdout === 'string' && stdout.trim() !== '') return stdout;
    throw error;
  }
}

function lintEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
}

async function redocly(documentFile: string): Promise<Finding[]> {
  const stdout = await lintOutput(path.join(BIN, 'redocly'), [
    'lint',
    '--extends=recommended',
    '--format=json',
    documentFile,
  ]);
  const report = JSON.parse(stdout) as {
    problems: Array<{
      ruleId: string;
      severity: string;
      message: string;
      location: Array<{ pointer?: string }>;
    }>;
  };
  return report.problems.map((problem) => ({
    linter: 'redocly',
    severity: problem.severity === 'error' ? 'error' : 'warning',
    rule: problem.ruleId,
    where: problem.location[0]?.pointer ?? '',
    message: problem.message,
  }));
}

async function spectral(documentFile: string, ruleset: string, output: string): Promise<Finding[]> {
  // With --output the report goes to the file, so "problems found" (exit 1) leaves stdout
  // empty: the file says what they are.
  await lintOutput(path.join(BIN, 'spectral'), [
    'lint',
    '--ruleset',
    ruleset,
    '--format',
    'json',
    '--output',
    output,
    documentFile,
  ]).catch(async (error: unknown) => {
    if (!(await readFile(output, 'utf8').catch(() => ''))) throw error;
    return '';
  });
  const results = JSON.parse(await readFile(output, 'utf8')) as Array<{
    code: string;
    severity: number;
    message: string;
    path: string[];
  }>;
  return results.map((result) => ({
    linter: 'spectral',
    // Spectral: 0 error, 1 warn, 2 info, 3 hint.
    severity: result.severity === 0 ? 'error' : 'warning',
    rule: result.code,
    where: result.path.join('.'),
    message: result.message,
  }));
}

describe('the OpenAPI documents the services serve', () => {
  let platform: SantunanPlatform;
  let directory: string;
  const documents = new Map<ServiceName, Document>();
  const findings = new Map<ServiceName, Finding[]>();

  beforeAll(async () => {
    platform = await startSantunanPlatform({ label: 'openapi-lint' });
    directory = await mkdtemp(path.join(tmpdir(), 'santunan-openapi-'));
    const ruleset = path.join(directory, '.spectral.yaml');
    await writeFile(ruleset, 'extends: ["spectral:oas"]\n');
    for (const name of SERVICE_NAMES) {
      const response = await fetch(`${platform.urls[name]}/docs-json`);
      expect(response.status).toBe(200);
      const text = await response.text();
      documents.set(name, JSON.parse(text) as Document);
      const file = path.join(directory, `${name}.openapi.json`);
      await writeFile(file, text);
      // One service at a time: two cores are shared with the platform and other tests.
      findings.set(name, [
        ...(await redocly(file)),
        ...(await spectral(file, ruleset, path.join(directory, `${name}.spectral.json`))),
      ]);
    }
  });

  afterAll(async () => {
    await platform?.stop();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it.each(SERVICE_NAMES)(
    '%s: Redocly (recommended) and Spectral (spectral:oas) find no errors',
    (name) => {
      const all = findings.get(name) ?? [];
      const warnings = all.filter((finding) => finding.severity === 'warning');
      if (warnings.length > 0) {
        process.stderr.write(
          `[openapi-lint] ${name}: ${warnings.length} warning(s): ` +
            `${[...new Set(warnings.map((w) => `${w.linter}:${w.rule}`))].join(', ')}\n`,
        );
      }
      expect(all.filter((finding) => finding.severity === 'error')).toEqual([]);
    },
  );

  it.each(SERVICE_NAMES)(
    '%s: has servers and documents liveness and readiness without a token',
    (name) => {
      const document = documents.get(name);
      expect(document?.servers?.length).toBeGreaterThan(0);
      for (const path of ['/health/live', '/health/ready', '/health']) {
        const health = document?.paths[path]?.['get'];
        expect(health?.security).toEqual([]);
        expect(health?.responses['200']).toBeDefined();
      }
      // Readiness names what is down (ADR 0030); liveness asks nothing that could be.
      expect(document?.paths['/health/ready']?.['get']?.responses['503']?.description).toContain(
        '`NOT_READY`',
      );
      expect(document?.paths['/health/live']?.['get']?.responses['503']).toBeUndefined();
    },
  );

  it.each(SERVICE_NAMES)(
    '%s: every operation documents its problems as application/problem+json',
    (name) => {
      const document = documents.get(name);
      if (document === undefined) throw new Error(`no document for ${name}`);
      const missing: string[] = [];
      for (const [operation, { security, parameters, requestBody, responses }] of operations(
        document,
      )) {
        const problems = Object.entries(responses).filter(([status]) => Number(status) >= 400);
        for (const [status, response] of problems) {
          const types = Object.keys(response.content ?? {});
          if (types.join() !== 'application/problem+json') {
            missing.push(`${operation} ${status}: ${types.join() || 'no content'}`);
          }
          if (!/`[A-Z0-9_]+`/.test(response.description)) {
            missing.push(`${operation} ${status}: no problem code named`);
          }
        }
        const protectedOperation = (security ?? []).length > 0;
        if (protectedOperation && responses['401'] === undefined) missing.push(`${operation}: 401`);
        // A body or a path/query parameter is validated (every one is a DTO here).
        const validated =
          requestBody !== undefined ||
          (parameters ?? []).some(
            (parameter) => parameter.in === 'path' || parameter.in === 'query',
          );
        if (validated && !(responses['400']?.description ?? '').includes('`VALIDATION_FAILED`')) {
          missing.push(`${operation}: 400 VALIDATION_FAILED`);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(SERVICE_NAMES)(
    '%s: documents each domain rejection under the status the service answers it with',
    (name) => {
      const document = documents.get(name);
      if (document === undefined) throw new Error(`no document for ${name}`);
      const answers = platform.apps[name].get<typeof REJECTION_ANSWERS, RejectionAnswers | null>(
        REJECTION_ANSWERS,
        { strict: false },
      );
      // The table the problem-details filter answers with (none given: nothing to compare).
      const wrong: string[] = [];
      for (const [operation, { responses }] of operations(document)) {
        for (const [status, response] of Object.entries(responses)) {
          for (const [, code] of response.description.matchAll(/`([A-Z0-9_]+)`/g)) {
            const answer = code === undefined ? undefined : answers?.byCode[code];
            if (answer !== undefined && String(answer[0]) !== status) {
              wrong.push(`${operation}: ${code} documented as ${status}, answered ${answer[0]}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('types enrollment’s personal fields and payouts’ components as they are', () => {
    const schemas = (name: ServiceName) =>
      (
        documents.get(name) as unknown as {
          components: { schemas: Record<string, { properties: Record<string, unknown> }> };
        }
      ).components.schemas;
    const personal = {
      oneOf: [
        expect.objectContaining({ type: 'string' }),
        { $ref: '#/components/schemas/Redacted' },
      ],
    };
    expect(schemas('enrollment')['ParticipantSummary']?.properties['nik']).toMatchObject(personal);
    expect(schemas('enrollment')['ParticipantSummary']?.properties['fullName']).toMatchObject(
      personal,
    );
    expect(schemas('payouts')['PayoutResponse']?.properties['components']).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/PayoutComponentResponse' },
    });
    expect(schemas('payouts')['PayoutComponentResponse']?.properties).toMatchObject({
      code: { type: 'string' },
      amount: { type: 'integer' },
    });
  });
});
