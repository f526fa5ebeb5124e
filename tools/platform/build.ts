import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What a build of apps/<app> is made from: the app, every library (the build follows main.ts's
 * imports into any of them), the shared compiler settings and the build script. Specs are left
 * out: they are never in dist/. Directories count too, so a deleted or renamed file shows.
 */
export function buildSources(root: string, app: string): string[] {
  return [
    path.join(root, 'apps', app),
    path.join(root, 'libs'),
    path.join(root, 'tsconfig.base.json'),
    path.join(root, 'tools/build/build-app.mjs'),
  ];
}

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'coverage']);

/** The newest modification time (ms) under `file`, specs and node_modules not counted. */
export function newestModification(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.spec\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (SKIPPED.has(entry)) continue;
    newest = Math.max(newest, newestModification(path.join(file, entry)));
  }
  return newest;
}

/** dist/apps/<app>/main.js: written last by the build, so its time is the build's. */
export function builtEntry(root: string, app: string): string {
  return path.join(root, 'dist/apps', app, 'main.js');
}

/** Apps with no build yet, or with a source newer than their build. */
export function staleBuilds(root: string, apps: readonly string[]): string[] {
  return apps.filter((app) => {
    const entry = builtEntry(root, app);
    if (!fs.existsSync(entry)) return true;
    const built = fs.statSync(entry).mtimeMs;
    return buildSources(root, app).some((source) => newestModification(source) > built);
  });
}

/**
 * `nx run-many -t build -p <apps>` (Nx's cache makes a rebuild of unchanged sources a copy).
 * It runs in a process group of its own, so `stop()` ends Nx and the compilers it started.
 */
export function buildApps(
  root: string,
  apps: readonly string[],
): { readonly done: Promise<void>; stop(): void } {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve('nx/bin/nx.js', { paths: [root] }),
      'run-many',
      '-t',
      'build',
      '-p',
      apps.join(','),
      '--outputStyle=stream',
    ],
    {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  );
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`nx build of ${apps.join(', ')} failed (${signal ?? code})`));
        return;
      }
      // Nx leaves outputs that already match its cache untouched: mark them as built now, so
      // the next start does not find them stale again.
      const now = new Date();
      for (const app of apps) fs.utimesSync(builtEntry(root, app), now, now);
      resolve();
    });
  });
  return {
    done,
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
}
