import type { EnrollmentEvent } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import { kemendagriRegions } from '../regions';
import type {
  EnrolSponsoredWorker,
  EnrollmentContext,
  ParticipantCommand,
} from './participant.commands';
import { decide } from './participant.decide';
import { evolve, initialState } from './participant.state';

const context: EnrollmentContext = {
  today: '2026-11-24',
  incomeFloor: 1_000_000,
  incomeCeiling: 100_000_000,
  regions: kemendagriRegions(),
};

const spec = deciderSpec({
  decide: (command: ParticipantCommand, state) => decide(command, state, context),
  evolve,
  initialState,
});

const worker: EnrolSponsoredWorker = {
  type: 'EnrolSponsoredWorker',
  participantId: 'p-1',
  programId: 'ntt-2026',
  nik: '5301044503920002',
  fullName: 'Maria Seran',
  birthDate: '1992-03-05',
  sex: 'female',
  address: { line: 'Desa Oelnasi', regencyCode: '5301' },
  phone: '081234567890',
  occupation: 'petani',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
};

const registered: EnrollmentEvent = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'p-1',
    nik: worker.nik,
    fullName: worker.fullName,
    birthDate: worker.birthDate,
    sex: worker.sex,
    address: worker.address,
    phone: worker.phone,
    occupation: worker.occupation,
    declaredIncome: worker.declaredIncome,
    incomeEffectiveFrom: '2026-01',
    membership: { kind: 'sponsored', programId: 'ntt-2026' },
  },
};

describe('enrolling a sponsored worker from a bulk file', () => {
  it('registers a new worker as a participant sponsored by the program', () => {
    spec.given([]).when(worker).then([registered]);
  });

  it('treats the same worker in a later upload as already enrolled, even for another income month', () => {
    spec
      .given([registered])
      .when({ ...worker, participantId: 'p-other', incomeEffectiveFrom: '2026-03' })
      .thenNothingHappened();
  });

  it('compares with the income now in force, not the first one declared', () => {
    const raised: EnrollmentEvent = {
      type: 'DeclaredIncomeChanged',
      data: {
        participantId: 'p-1',
        declaredIncome: 1_500_000,
        previousIncome: 1_000_000,
        effectiveFrom: '2026-04',
      },
    };
    spec
      .given([registered, raised])
      .when({ ...worker, declaredIncome: 1_500_000 })
      .thenNothingHappened();
    spec
      .given([registered, raised])
      .when(worker)
      .thenRejects({
        code: 'PARTICIPANT_ALREADY_REGISTERED',
        details: { participantId: 'p-1', differingFields: ['declaredIncome'] },
      });
  });

  it.each<[string, Partial<EnrolSponsoredWorker>, string[]]>([
    ['another phone', { phone: '081200000000' }, ['phone']],
    ['another program', { programId: 'kupang-2026' }, ['membership']],
    [
      'another name and address',
      { fullName: 'Maria S.', address: { line: 'x', regencyCode: '5301' } },
      ['fullName', 'address'],
    ],
  ])('refuses the NIK with %s, naming the participant and the fields', (_label, change, fields) => {
    spec
      .given([registered])
      .when({ ...worker, ...change })
      .thenRejects({
        code: 'PARTICIPANT_ALREADY_REGISTERED',
        details: { participantId: 'p-1', differingFields: fields },
      });
  });

  it('refuses a self-paying participant listed by a sponsor (membership differs)', () => {
    const selfPaying: EnrollmentEvent = {
      ...registered,
      data: { ...registered.data, membership: { kind: 'self-paying' } },
    } as EnrollmentEvent;
    spec
      .given([selfPaying])
      .when(worker)
      .thenRejects({
        details: { differingFields: ['membership'] },
      });
  });

  it('refuses a worker whose registration died', () => {
    const died: EnrollmentEvent = {
      type: 'ParticipantDeceased',
      data: {
        participantId: 'p-1',
        dateOfDeath: '2026-05-02',
        recordedBy: { kind: 'claims-event', eventId: 'e-1' },
      },
    };
    spec.given([registered, died]).when(worker).thenRejects('PARTICIPANT_DECEASED');
  });

  it.each<[string, Partial<EnrolSponsoredWorker>, string]>([
    ['income under the floor', { declaredIncome: 900_000 }, 'INCOME_BELOW_FLOOR'],
    ['a NIK of another birth date', { birthDate: '1992-03-06' }, 'NIK_BIRTH_DATE_MISMATCH'],
    ['a NIK of a woman declared male', { sex: 'male' }, 'NIK_SEX_MISMATCH'],
    [
      'an unknown address regency',
      { address: { line: 'x', regencyCode: '5399' } },
      'ADDRESS_REGENCY_UNKNOWN',
    ],
  ])('checks a new worker like any registration: %s', (_label, change, code) => {
    spec
      .given([])
      .when({ ...worker, ...change })
      .thenRejects(code);
  });
});
