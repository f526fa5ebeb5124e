import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Nx's module boundaries (eslint.config.mjs, `@nx/enforce-module-boundaries` on the projects'
// tags): apps never import each other, domain libraries only the rules, the contracts and the
// kernel, and tools and tests reach an app through its public entry point. Sources are linted
// as if they sat at the given paths, in a process of its own, with the workspace's own
// configuration of the rule (without the type-aware rules, which need files on disk).
const root = path.resolve(__dirname, '../..');
const RULE = '@nx/enforce-module-boundaries';

interface Case {
  readonly filePath: string;
  readonly code: string;
}

const LINT_SCRIPT = `
import { ESLint } from 'eslint';
const { default: workspace } = await import(${JSON.stringify(path.join(root, 'eslint.config.mjs'))});
const { default: tseslint } = await import('typescript-eslint');
const RULE = ${JSON.stringify(RULE)};
const config = [
  ...workspace.filter((entry) => entry.ignores && Object.keys(entry).length === 1),
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  ...workspace
    .filter((entry) => entry.rules && RULE in entry.rules)
    .map((entry) => ({ ...entry, rules: { [RULE]: entry.rules[RULE] } })),
];
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });
const { cases, patterns } = JSON.parse(process.argv[1]);
const messagesOf = (result) =>
  result.messages.map((m) => ({ file: result.filePath, ruleId: m.ruleId, line: m.line, message: m.message }));
const out = [];
for (const { filePath, code } of cases ?? []) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result ? messagesOf(result) : []);
}
if (patterns) out.push((await eslint.lintFiles(patterns)).flatMap(messagesOf));
process.stdout.write(JSON.stringify(out));
`;

interface Message {
  file: string;
  ruleId: string | null;
  line: number;
  message: string;
}

function run(request: { cases?: readonly Case[]; patterns?: readonly string[] }): Message[][] {
  const lint = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', LINT_SCRIPT, JSON.stringify(request)],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (lint.status !== 0 || !lint.stdout) throw new Error(`lint failed: ${lint.stderr}`);
  return JSON.parse(lint.stdout) as Message[][];
}

/** The boundary rule's messages for each case, in order. */
function lint(cases: readonly Case[]): string[][] {
  return run({ cases }).map((messages) =>
    messages.map((m) => (m.ruleId === RULE ? m.message : `${m.ruleId ?? 'fatal'}: ${m.message}`)),
  );
}

const importing = (...specifiers: string[]): string =>
  specifiers.map((specifier, index) => `import * as m${index} from '${specifier}';`).join('\n') +
  `\nexport const all = [${specifiers.map((_, index) => `m${index}`).join(', ')}];\n`;

const onlyTags = (sourceTag: string, tags: readonly string[]): string =>
  `A project tagged with "${sourceTag}" can only depend on libs tagged with ${tags
    .map((tag) => `"${tag}"`)
    .join(', ')}`;
const PURE = ['type:kernel', 'type:rules', 'type:contracts'];
const APP_MAY_USE = [...PURE, 'type:domain', 'type:platform', 'type:tooling'];
const ACROSS_BY_PATH =
  'Projects cannot be imported by a relative or absolute path, and must begin with a npm scope';

describe('module boundaries', () => {
  it('report forbidden imports, and let the allowed ones through', () => {
    const domainFile = 'libs/claims/domain/src/boundary-probe.ts';
    const appFile = 'apps/claims/src/boundary-probe.ts';
    const messages = lint([
      // A domain library: the rules, the contracts and the kernel only.
      {
        filePath: domainFile,
        code: importing('@santunan/rules', '@santunan/contracts', '@santunan/domain-kernel'),
      },
      { filePath: domainFile, code: importing('@santunan/platform') },
      { filePath: domainFile, code: importing('@santunan/enrollment-domain') },
      { filePath: domainFile, code: importing('@santunan/testing') },
      // …whose specs may use the testing library.
      {
        filePath: 'libs/claims/domain/src/boundary-probe.unit.spec.ts',
        code: importing('@santunan/testing'),
      },
      // An app: libraries, never another app, neither by name nor by path.
      {
        filePath: appFile,
        code: importing('@santunan/claims-domain', '@santunan/platform', '@santunan/audit'),
      },
      { filePath: appFile, code: importing('@santunan/payouts-service') },
      { filePath: appFile, code: importing('../../payouts/src/payouts.module') },
      { filePath: appFile, code: importing('@santunan/testing') },
      // The platform and the contracts stay below the domains.
      {
        filePath: 'libs/platform/src/boundary-probe.ts',
        code: importing('@santunan/claims-domain'),
      },
      { filePath: 'libs/contracts/src/boundary-probe.ts', code: importing('@santunan/platform') },
      // Tools and the end-to-end tests: an app's public entry point, not a file inside it.
      {
        filePath: 'tools/bench/boundary-probe.ts',
        code: importing('@santunan/payouts-service', '@santunan/payouts-service/testing'),
      },
      {
        filePath: 'tools/bench/boundary-probe.ts',
        code: importing('../../apps/payouts/src/payouts.module'),
      },
      {
        filePath: 'test/boundary-probe.e2e.spec.ts',
        code: importing('../apps/payouts/src/testing/topic-recorder'),
      },
    ]);
    expect(messages).toEqual([
      [],
      [onlyTags('type:domain', PURE)],
      [onlyTags('type:domain', PURE)],
      [onlyTags('type:domain', PURE)],
      [],
      [],
      ['Imports of apps are forbidden'],
      [ACROSS_BY_PATH],
      [onlyTags('type:app', APP_MAY_USE)],
      [onlyTags('type:platform', PURE)],
      [onlyTags('type:contracts', PURE)],
      [],
      [ACROSS_BY_PATH],
      [ACROSS_BY_PATH],
    ]);
  }, 120_000);

  it('hold for every source file in the workspace', () => {
    const [messages = []] = run({ patterns: ['apps', 'libs', 'tools', 'test'] });
    // Inline directives name rules this configuration leaves out: only the boundary rule and
    // parse failures count here.
    expect(
      messages
        .filter((m) => m.ruleId === RULE || m.ruleId === null)
        .map((m) => `${path.relative(root, m.file)}:${m.line} ${m.message}`),
    ).toEqual([]);
  }, 300_000);
});
