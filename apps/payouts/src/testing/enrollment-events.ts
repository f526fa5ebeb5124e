import { ENROLLMENT_PERSONAL_DATA_PATHS, type ParticipantRegistered } from '@santunan/contracts';
import {
  encryptPersonalFields,
  type OutgoingMessage,
  type PersonalDataCipher,
} from '@santunan/platform';
import { publishedEnvelope } from '@santunan/testing';

/** A `ParticipantRegistered` as enrollment publishes it (personal fields sealed). */
export async function participantRegistered(
  cipher: PersonalDataCipher,
  participantId: string,
  regencyCode: string,
  sponsorProgramId: string | null,
): Promise<OutgoingMessage> {
  const data: ParticipantRegistered = {
    participantId,
    nik: '5371014506880001',
    fullName: 'Yohanes Bria',
    birthDate: '1988-06-05',
    sex: 'male',
    address: { line: 'Jl. El Tari 10, Oebobo', regencyCode },
    phone: '+6281234567890',
    occupation: 'nelayan',
    declaredIncome: 1_000_000,
    incomeEffectiveFrom: '2022-01',
    membership:
      sponsorProgramId === null
        ? { kind: 'self-paying' }
        : { kind: 'sponsored', programId: sponsorProgramId },
  };
  const envelope = publishedEnvelope({
    type: 'ParticipantRegistered',
    streamId: `participant-${participantId}`,
    streamType: 'participant',
    occurredAt: '2022-01-05T02:00:00.000Z',
    actor: { id: 'officer-1', kind: 'user' },
    data: await encryptPersonalFields(
      cipher,
      participantId,
      { ...data },
      ENROLLMENT_PERSONAL_DATA_PATHS.ParticipantRegistered,
    ),
  });
  return { key: envelope.streamId, value: JSON.stringify(envelope) };
}
