import { eventPayloadSchemas } from '../published-event-schemas';
import type { ParticipantDeceasedV1 } from './events';
import { ENROLLMENT_UPCASTS, upcastParticipantDeceasedV1 } from './upcasters';

const v1: ParticipantDeceasedV1 = {
  participantId: '0b7f7a1e-6a0e-4d51-9c55-1d6f0e0a8d11',
  dateOfDeath: '2026-05-02',
  recordedByEventId: '7c2d9e4b-1f3a-4b6c-8d9e-0a1b2c3d4e5f',
};

describe('ParticipantDeceased v1 → v2', () => {
  it('reads a v1 death as recorded from the claims event it names', () => {
    expect(upcastParticipantDeceasedV1(v1)).toEqual({
      participantId: v1.participantId,
      dateOfDeath: '2026-05-02',
      recordedBy: { kind: 'claims-event', eventId: v1.recordedByEventId },
    });
  });

  it('turns a payload the v1 schema accepts into one the v2 schema accepts, leaving v1 as it was', () => {
    const stored = structuredClone(v1);
    expect(eventPayloadSchemas.validate('ParticipantDeceased', 1, stored)).toEqual({ ok: true });
    const upcast = upcastParticipantDeceasedV1(stored);
    expect(eventPayloadSchemas.validate('ParticipantDeceased', 2, upcast)).toEqual({ ok: true });
    expect(stored).toEqual(v1);
  });

  it('is the one enrollment step, from version 1', () => {
    expect(
      ENROLLMENT_UPCASTS.map(({ type, fromSchemaVersion }) => [type, fromSchemaVersion]),
    ).toEqual([['ParticipantDeceased', 1]]);
    expect(ENROLLMENT_UPCASTS[0].upcast(v1)).toEqual(upcastParticipantDeceasedV1(v1));
  });

  it('publishes an officer’s death with its certificate and refuses one without', () => {
    const officer = {
      participantId: v1.participantId,
      dateOfDeath: '2026-05-02',
      recordedBy: {
        kind: 'enrollment-officer',
        officerId: 'officer-7',
        deathCertificateReference: '5371-KM-0042',
      },
    };
    expect(eventPayloadSchemas.validate('ParticipantDeceased', 2, officer)).toEqual({ ok: true });
    const missing = { ...officer, recordedBy: { kind: 'enrollment-officer', officerId: 'o-7' } };
    expect(eventPayloadSchemas.validate('ParticipantDeceased', 2, missing)).toMatchObject({
      ok: false,
      errors: [{ field: 'recordedBy.deathCertificateReference', constraint: 'required' }],
    });
  });
});
