// Adds lockfile entries for optional platform bindings that this registry does not serve.
//
// npm 11 leaves an optional dependency out of package-lock.json when the registry has no
// such version (here: unrs-resolver's non-linux-x64 bindings, pulled in by Jest 30), and
// then `npm ci` rejects the very lockfile `npm install` wrote (npm/cli#9846). Recording
// each missing binding with its os/cpu lets `npm ci` see the lock as complete and skip
// them as platform-incompatible, without fetching anything.
// usage: node tools/npm/complete-lockfile.mjs   (after npm install changes the lockfile)
import fs from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const paths = Object.keys(lock.packages);

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32'];
const CPU = {
  'arm-eabi': 'arm',
  'arm-gnueabihf': 'arm',
  'arm-musleabihf': 'arm',
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const suffix = name.slice(name.lastIndexOf('/') + 1);
  const os = OS.find((candidate) => suffix.includes(`-${candidate}-`));
  if (!os) return undefined;
  const rest = suffix
    .slice(suffix.indexOf(`-${os}-`) + os.length + 2)
    .replace(/-(gnu|musl|msvc)$/, '');
  const cpu = CPU[rest];
  if (!cpu) return undefined;
  const libc = /-gnu$|-gnueabihf$/.test(suffix)
    ? ['glibc']
    : /-musl$|-musleabihf$/.test(suffix)
      ? ['musl']
      : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (paths.some((p) => p.endsWith(`node_modules/${name}`))) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    const sibling =
      location === ''
        ? `node_modules/${name}`
        : `${location.slice(0, location.lastIndexOf('node_modules/') + 'node_modules/'.length)}${name}`;
    lock.packages[sibling] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} missing optional platform binding(s)`);
