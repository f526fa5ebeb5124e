import type { EventEnvelope } from './envelope';
import { UpcasterRegistry } from './upcaster-registry';

function stored(type: string, schemaVersion: number, data: unknown): EventEnvelope {
  return {
    eventId: '0b9f6c1e-8f51-4a4e-9a55-3d1c8a0b7e11',
    type,
    schemaVersion,
    streamId: 'participant-1',
    streamType: 'Participant',
    version: 1,
    globalPosition: '1',
    occurredAt: '2025-03-01T08:00:00+07:00',
    recordedAt: '2025-03-01T01:15:31.250Z',
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'u', kind: 'user' } },
    data,
    hash: 'h',
    previousHash: null,
  };
}

interface RegisteredV1 {
  readonly fullName: string;
}
interface RegisteredV2 {
  readonly name: string;
}
interface RegisteredV3 {
  readonly name: string;
  readonly province: string;
}

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register<
      RegisteredV1,
      RegisteredV2
    >('ParticipantRegistered', 1, ({ fullName }) => ({ name: fullName }))
    .register<
      RegisteredV2,
      RegisteredV3
    >('ParticipantRegistered', 2, (data) => ({ ...data, province: 'unknown' }));

  it('renames a field (v1 → v2) and adds a defaulted field (v2 → v3), chained', () => {
    const upcast = registry.upcast(stored('ParticipantRegistered', 1, { fullName: 'Yohana Bria' }));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual({ name: 'Yohana Bria', province: 'unknown' });
  });

  it('starts the chain at the stored version', () => {
    const upcast = registry.upcast(stored('ParticipantRegistered', 2, { name: 'Yohana Bria' }));
    expect(upcast).toMatchObject({
      schemaVersion: 3,
      data: { name: 'Yohana Bria', province: 'unknown' },
    });
  });

  it('leaves current shapes and other types alone, keeping the stored hash', () => {
    const current = stored('ParticipantRegistered', 3, { name: 'Yohana', province: 'NTT' });
    expect(registry.upcast(current)).toBe(current);
    const other = stored('ParticipantDeceased', 1, {});
    expect(registry.upcast(other)).toBe(other);
    expect(registry.upcast(stored('ParticipantRegistered', 1, { fullName: 'x' })).hash).toBe('h');
  });

  it('does not mutate the stored data', () => {
    const data = { fullName: 'Yohana Bria' };
    registry.upcast(stored('ParticipantRegistered', 1, data));
    expect(data).toEqual({ fullName: 'Yohana Bria' });
  });

  it('refuses two upcasters for the same step and versions below 1', () => {
    expect(() =>
      new UpcasterRegistry().register('A', 1, (d) => d).register('A', 1, (d) => d),
    ).toThrow(/already registered/);
    expect(() => new UpcasterRegistry().register('A', 0, (d) => d)).toThrow(RangeError);
  });
});
