#!/usr/bin/env node
// `nx build <app>` (apps/<app>/project.json): the app as plain JavaScript in dist/apps/<app>,
// run with `node dist/apps/<app>/main.js` — no ts-node, no tsconfig-paths (ADR 0018).
//   1. tsc -p apps/<app>/tsconfig.app.json: type-checks and emits main.ts and everything it
//      imports, libs included (rootDir is the workspace root, so the tree keeps its shape:
//      dist/apps/<app>/apps/<app>/src/…, dist/apps/<app>/libs/…), decorator metadata as Nest
//      needs it, imported JSON (the contracts' schemas) beside it;
//   2. tsc-alias: `@santunan/*` imports become relative paths;
//   3. apps/<app>/src/assets/ copied as they are (the console's CSS and script);
//   4. dist/apps/<app>/main.js, the entry point, written last (tools/platform compares its
//      time with the sources').
// A failed step leaves no dist/apps/<app> behind, so nothing half-built can run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const app = process.argv[2] ?? '';
const project = path.join(ROOT, 'apps', app, 'tsconfig.app.json');
if (!/^[a-z][a-z0-9-]*$/.test(app) || !fs.existsSync(project)) {
  process.stderr.write(`usage: build-app.mjs <app>  (apps/<app>/tsconfig.app.json must exist)\n`);
  process.exit(2);
}
const out = path.join(ROOT, 'dist/apps', app);

function fail(message) {
  fs.rmSync(out, { recursive: true, force: true });
  process.stderr.write(`[build ${app}] ${message}\n`);
  process.exit(1);
}

const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });

const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (tsc.status !== 0) fail(`tsc failed (exit ${tsc.status ?? tsc.signal})`);

const { replaceTscAliasPaths } = require('tsc-alias');
await replaceTscAliasPaths({ configFile: project });

/** Every emitted .js file under `directory`. */
function* javascriptFiles(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(file);
    else if (entry.name.endsWith('.js')) yield file;
  }
}
// What would only fail at run time, in production, fails the build instead: an alias left
// behind, or a package the image does not install (it has `dependencies` only, ADR 0018).
const installed = new Set([
  ...builtinModules,
  ...Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies),
]);
for (const file of javascriptFiles(out)) {
  const where = path.relative(ROOT, file);
  const source = fs.readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/require(?:\.resolve)?\(["']([^"'.][^"']*)["']\)/g)) {
    if (specifier.startsWith('@santunan/'))
      fail(`${where} still imports ${specifier}: tsc-alias missed it`);
    const name = specifier.startsWith('node:')
      ? specifier.slice(5)
      : specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
    if (!installed.has(name))
      fail(`${where} requires ${specifier}, which is not in package.json's dependencies`);
  }
}

const assets = path.join(ROOT, 'apps', app, 'src/assets');
if (fs.existsSync(assets))
  fs.cpSync(assets, path.join(out, 'apps', app, 'src/assets'), { recursive: true });

fs.writeFileSync(
  path.join(out, 'main.js'),
  `'use strict';\n// Written by tools/build/build-app.mjs (ADR 0018).\nrequire('./apps/${app}/src/main.js');\n`,
);
process.stdout.write(
  `[build ${app}] dist/apps/${app}/main.js in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
