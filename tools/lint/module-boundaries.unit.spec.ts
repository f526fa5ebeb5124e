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
    const domain = 'libs/claims/domain/src/boundary-probe.ts';
    const app = 'apps/claims/src/boundary-probe.ts';
    const platform = 'libs/platform/src/boundary-probe.ts';
    const contracts = 'libs/contracts/src/boundary-probe.ts';
    const tool = 'tools/bench/boundary-probe.ts';
    const e2e = 'test/boundary-probe.e2e.spec.ts';
    // [file, what it imports, what the rule says]
    const cases: [string, string[], unknown[]][] = [
      // A domain library: the rules, the contracts and the kernel only…
      [domain, ['@santunan/rules', '@santunan/contracts', '@santunan/domain-kernel'], []],
      [domain, ['@santunan/platform'], [onlyTags('type:domain', PURE)]],
      [domain, ['@santunan/enrollment-domain'], [onlyTags('type:domain', PURE)]],
      [domain, ['@santunan/testing'], [onlyTags('type:domain', PURE)]],
      // …whose specs may use the testing library.
      ['libs/claims/domain/src/boundary-probe.unit.spec.ts', ['@santunan/testing'], []],
      // An app: libraries, never another app, neither by name nor by path.
      [app, ['@santunan/claims-domain', '@santunan/platform', '@santunan/audit'], []],
      [app, ['@santunan/payouts-service'], ['Imports of apps are forbidden']],
      [app, ['../../payouts/src/payouts.module'], [ACROSS_BY_PATH]],
      [app, ['@santunan/testing'], [onlyTags('type:app', APP_MAY_USE)]],
      // The platform and the contracts stay below the domains.
      [platform, ['@santunan/claims-domain'], [onlyTags('type:platform', PURE)]],
      // (The platform verifies signatures with the contracts' keyring, so this import would also
      // close a cycle: the rule reports the cycle, which is as forbidden.)
      [
        contracts,
        ['@santunan/platform'],
        [expect.stringContaining('Circular dependency between "contracts" and "platform"')],
      ],
      // Tools and the end-to-end tests: an app's public entry point, not a file inside it.
      [tool, ['@santunan/payouts-service', '@santunan/payouts-service/testing'], []],
      [tool, ['../../apps/payouts/src/payouts.module'], [ACROSS_BY_PATH]],
      [e2e, ['../apps/payouts/src/testing/topic-recorder'], [ACROSS_BY_PATH]],
    ];
    const messages = lint(
      cases.map(([filePath, specifiers]) => ({ filePath, code: importing(...specifiers) })),
    );
    expect(messages).toEqual(cases.map(([, , expected]) => expected));
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
