import {
  GENESIS_HASH,
  changeHash,
  verifyChain,
  type AdminChange,
  type AdminChangeRequest,
} from './admin-change-log';
import {
  instantFromJakartaLocal,
  jakartaLocalOf,
  platformClockOf,
  simulationMode,
  type ServiceClock,
} from './platform-clock';

const request: AdminChangeRequest = {
  actorId: 'a1',
  actorName: 'Hana Riwu',
  actorUsername: 'hana',
  action: 'role-granted',
  userId: 'u1',
  username: 'imanuel',
  role: 'enrollment-officer',
  sourceAddress: '127.0.0.1',
  userAgent: 'Chrome/120',
};

function chain(length: number): AdminChange[] {
  const changes: AdminChange[] = [];
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= length; sequence++) {
    const unhashed = {
      ...request,
      sequence,
      changeId: `00000000-0000-4000-8000-00000000000${sequence}`,
      recordedAt: `2026-12-07T10:0${sequence}:00.000Z`,
      previousHash,
    };
    const change = { ...unhashed, hash: changeHash(unhashed) };
    changes.push(change);
    previousHash = change.hash;
  }
  return changes;
}

describe('the access-change record is a hash chain', () => {
  it('holds when nothing was touched', () => {
    expect(verifyChain(chain(3))).toEqual({ intact: true, count: 3 });
    expect(verifyChain([])).toEqual({ intact: true, count: 0 });
  });

  it.each([
    [
      'a role rewritten',
      (c: AdminChange[]) => c.map((x, i) => (i === 1 ? { ...x, role: 'admin' } : x)),
      2,
    ],
    ['a change removed', (c: AdminChange[]) => [c[0]!, c[2]!], 3],
    ['two changes swapped', (c: AdminChange[]) => [c[1]!, c[0]!, c[2]!], 2],
    [
      'the actor renamed',
      (c: AdminChange[]) => c.map((x, i) => (i === 0 ? { ...x, actorName: 'Someone' } : x)),
      1,
    ],
  ] as const)('breaks at the first altered link: %s', (_name, alter, brokenAt) => {
    const check = verifyChain(alter(chain(3)));
    expect(check).toMatchObject({ intact: false, brokenAt });
  });

  it('keeps field boundaries: moving text between fields changes the hash', () => {
    const base = chain(1)[0]!;
    const moved = { ...base, actorName: 'Hana', actorUsername: ' Riwuhana' };
    expect(changeHash(moved)).not.toBe(base.hash);
  });
});

const simulated = (service: ServiceClock['service'], now: string): ServiceClock => ({
  service,
  state: 'simulated',
  now,
  today: now.slice(0, 10),
});

describe("the platform's simulated clock as the page shows it", () => {
  const now = '2026-03-02T01:00:00.000Z';
  const four = (['enrollment', 'contributions', 'claims', 'payouts'] as const).map((s) =>
    simulated(s, now),
  );

  it('can be moved when all four services are simulated and agree', () => {
    expect(platformClockOf(four)).toMatchObject({ kind: 'simulated', now, today: '2026-03-02' });
  });

  it.each([
    [
      'one on real time',
      [...four.slice(0, 3), { service: 'payouts', state: 'real' }],
      'not-simulated',
    ],
    [
      'one refusing the token',
      [...four.slice(0, 3), { service: 'payouts', state: 'forbidden' }],
      'forbidden',
    ],
    [
      'one down',
      [{ service: 'enrollment', state: 'unreachable' }, ...four.slice(1)],
      'unreachable',
    ],
    [
      'two disagreeing',
      [...four.slice(0, 3), simulated('payouts', '2026-03-03T01:00:00.000Z')],
      'disagree',
    ],
  ] as const)('is read-only with a reason: %s', (_name, clocks, reason) => {
    expect(platformClockOf(clocks as readonly ServiceClock[])).toMatchObject({
      kind: 'read-only',
      reason,
    });
  });

  it('reads a datetime-local value as Jakarta time, and writes one back', () => {
    expect(instantFromJakartaLocal('2026-03-02T09:30')).toBe('2026-03-02T02:30:00.000Z');
    expect(instantFromJakartaLocal('2026-03-02T09:30:15')).toBe('2026-03-02T02:30:15.000Z');
    expect(instantFromJakartaLocal('2026-03-02')).toBeNull();
    expect(instantFromJakartaLocal('2026-13-02T09:30')).toBeNull();
    expect(jakartaLocalOf('2026-03-02T02:30:00.000Z')).toBe('2026-03-02T09:30');
  });

  it('is on only when the console runs with the simulated clock start', () => {
    expect(simulationMode({ SANTUNAN_SIMULATED_CLOCK_START: '2026-03-02T01:00:00Z' })).toBe(true);
    expect(simulationMode({ SANTUNAN_SIMULATED_CLOCK_START: '' })).toBe(false);
    expect(simulationMode({})).toBe(false);
  });
});
