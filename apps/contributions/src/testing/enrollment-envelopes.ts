import { randomUUID } from 'node:crypto';
import { outboxMessageFor, type EventEnvelope, type OutgoingMessage } from '@santunan/platform';
import { publishedEnvelope, rehashed } from '@santunan/testing';

/**
 * Enrollment's and claims' events as they arrive on Kafka, for consumer tests that need no
 * running enrollment or claims service. Personal fields are sealed objects on the wire; the
 * contributions consumer never reads them, so these carry stand-ins of that shape.
 */
export function foreignEnvelope(
  type: string,
  data: Record<string, unknown>,
  streamId: string,
  version = 1,
): EventEnvelope {
  return publishedEnvelope({
    type,
    data,
    streamId,
    streamType: 'participant',
    version,
    occurredAt: '2025-12-15T02:00:00.000Z',
    recordedAt: '2025-12-15T02:00:01.000Z',
    actor: { id: 'officer-1', kind: 'user', roles: ['enrollment-officer'] },
  });
}

const sealed = (field: string) => ({
  $pii: 1,
  subject: 'stand-in',
  field,
  iv: 'x',
  tag: 'x',
  ct: 'x',
});

export interface RegistrationInput {
  readonly participantId: string;
  readonly membership: { kind: 'self-paying' } | { kind: 'sponsored'; programId: string };
  readonly occupation?: string;
  readonly declaredIncome?: number;
  readonly incomeEffectiveFrom?: string;
}

export function participantRegistered(input: RegistrationInput): EventEnvelope {
  return foreignEnvelope(
    'ParticipantRegistered',
    {
      participantId: input.participantId,
      nik: sealed('nik'),
      fullName: sealed('fullName'),
      birthDate: '1990-08-15',
      sex: 'male',
      address: { line: sealed('address.line'), regencyCode: '5371' },
      phone: sealed('phone'),
      occupation: input.occupation ?? 'nelayan',
      declaredIncome: input.declaredIncome ?? 1_000_000,
      incomeEffectiveFrom: input.incomeEffectiveFrom ?? '2026-01',
      membership: input.membership,
    },
    `participant-${input.participantId}`,
  );
}

export function participantDeceased(participantId: string, dateOfDeath: string): EventEnvelope {
  return foreignEnvelope(
    'ParticipantDeceased',
    { participantId, dateOfDeath, recordedByEventId: randomUUID() },
    `participant-${participantId}`,
    2,
  );
}

export function deathRecorded(participantId: string, dateOfDeath: string): EventEnvelope {
  return rehashed({
    ...foreignEnvelope(
      'DeathRecorded',
      {
        participantId,
        dateOfDeath,
        claimId: randomUUID(),
        deathCertificateReference: 'AKTA-KEMATIAN-1',
        recordedOn: dateOfDeath,
        recordedBy: 'claims-officer-1',
      },
      `death-register-${participantId}`,
    ),
    streamType: 'death-register',
  });
}

/** An envelope as the relay publishes it: the outbox's own message (stream key, event headers). */
export function asMessage(event: EventEnvelope): OutgoingMessage {
  const { key, payload, headers } = outboxMessageFor(event, 'unused');
  return { key, value: payload, headers };
}
