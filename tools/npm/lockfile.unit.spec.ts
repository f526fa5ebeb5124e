import fs from 'node:fs';
import path from 'node:path';

// `npm ci` rejects a lockfile that names an optional dependency without an entry for it
// (npm/cli#9846). Catch that here, before CI does: run tools/npm/complete-lockfile.mjs.
interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

describe('package-lock.json', () => {
  it('has an entry for every optional dependency it names', () => {
    const lock = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../package-lock.json'), 'utf8'),
    ) as {
      packages: Record<string, LockEntry>;
    };
    const locations = Object.keys(lock.packages);
    const missing = Object.values(lock.packages).flatMap((entry) =>
      Object.keys(entry.optionalDependencies ?? {}).filter(
        (name) => !locations.some((location) => location.endsWith(`node_modules/${name}`)),
      ),
    );
    expect(missing).toEqual([]);
  });
});
