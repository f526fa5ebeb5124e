import type { DeathRecorder, EnrollmentEvent } from '@santunan/contracts';
import { deciderSpec } from '@santunan/testing';
import { kemendagriRegions } from '../regions';
import type { EnrollmentContext, ParticipantCommand, RecordDeath } from './participant.commands';
import { decide } from './participant.decide';
import { ENROLLMENT_REJECTION_FIELDS } from './rejection-fields';
import { evolve, initialState, type ParticipantState } from './participant.state';

const context: EnrollmentContext = {
  today: '2026-11-24',
  incomeFloor: 1_000_000,
  regions: kemendagriRegions(),
};

const spec = deciderSpec({
  decide: (command: ParticipantCommand, state: ParticipantState) => decide(command, state, context),
  evolve,
  initialState,
});

const registered: EnrollmentEvent = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'p-1',
    nik: '5371011508900001',
    fullName: 'Yohanes Bria',
    birthDate: '1990-08-15',
    sex: 'male',
    address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
    phone: '+6281234567890',
    occupation: 'nelayan',
    declaredIncome: 1_000_000,
    incomeEffectiveFrom: '2026-01',
    membership: { kind: 'self-paying' },
  },
};

const officer: DeathRecorder = {
  kind: 'enrollment-officer',
  officerId: 'officer-7',
  deathCertificateReference: '5371-KM-10112026-0042',
};
const byOfficer: RecordDeath = {
  type: 'RecordDeath',
  dateOfDeath: '2026-11-10',
  recordedBy: officer,
};
const deceasedByOfficer: EnrollmentEvent = {
  type: 'ParticipantDeceased',
  data: { participantId: 'p-1', dateOfDeath: '2026-11-10', recordedBy: officer },
};
const claimsEvent: DeathRecorder = { kind: 'claims-event', eventId: 'claims-event-9' };

describe('recording a death', () => {
  it('records a death an enrollment officer was told of, with the officer and the akta kematian', () => {
    spec.given([registered]).when(byOfficer).then([deceasedByOfficer]);
  });

  it('records a death from claims’ register, naming the claims event', () => {
    spec
      .given([registered])
      .when({ ...byOfficer, recordedBy: claimsEvent })
      .then([
        {
          type: 'ParticipantDeceased',
          data: { participantId: 'p-1', dateOfDeath: '2026-11-10', recordedBy: claimsEvent },
        },
      ]);
  });

  it('keeps the certificate number without the spaces typed around it', () => {
    spec
      .given([registered])
      .when({ ...byOfficer, recordedBy: { ...officer, deathCertificateReference: '  KM-1 ' } })
      .then([
        {
          type: 'ParticipantDeceased',
          data: {
            participantId: 'p-1',
            dateOfDeath: '2026-11-10',
            recordedBy: { ...officer, deathCertificateReference: 'KM-1' },
          },
        },
      ]);
  });

  it.each<[string, Partial<RecordDeath>, string, string]>([
    ['a date that is no date', { dateOfDeath: '2026-02-30' }, 'DEATH_DATE_INVALID', '/dateOfDeath'],
    ['a death after today', { dateOfDeath: '2026-11-25' }, 'DEATH_DATE_IN_FUTURE', '/dateOfDeath'],
    [
      'a death before the birth',
      { dateOfDeath: '1990-08-14' },
      'DEATH_DATE_BEFORE_BIRTH',
      '/dateOfDeath',
    ],
    [
      'no death certificate',
      { recordedBy: { ...officer, deathCertificateReference: '  ' } },
      'DEATH_CERTIFICATE_MISSING',
      '/deathCertificateReference',
    ],
  ])('refuses %s, naming the field', (_label, change, code, field) => {
    spec
      .given([registered])
      .when({ ...byOfficer, ...change })
      .thenRejects((rejection) => {
        expect(rejection.code).toBe(code);
        expect(ENROLLMENT_REJECTION_FIELDS[rejection.code]).toBe(field);
      });
  });

  it('takes a death on the day of birth and on today', () => {
    spec
      .given([registered])
      .when({ ...byOfficer, dateOfDeath: '1990-08-15' })
      .then([
        {
          type: 'ParticipantDeceased',
          data: { participantId: 'p-1', dateOfDeath: '1990-08-15', recordedBy: officer },
        },
      ]);
    spec
      .given([registered])
      .when({ ...byOfficer, dateOfDeath: '2026-11-24' })
      .then([
        {
          type: 'ParticipantDeceased',
          data: { participantId: 'p-1', dateOfDeath: '2026-11-24', recordedBy: officer },
        },
      ]);
  });

  it('records the same death once, whoever records it again (no echo from claims’ register)', () => {
    spec.given([registered, deceasedByOfficer]).when(byOfficer).thenNothingHappened();
    spec
      .given([registered, deceasedByOfficer])
      .when({ ...byOfficer, recordedBy: claimsEvent })
      .thenNothingHappened();
  });

  it('refuses the death on another date as a conflict, naming the recorded date', () => {
    spec
      .given([registered, deceasedByOfficer])
      .when({ ...byOfficer, dateOfDeath: '2026-11-09', recordedBy: claimsEvent })
      .thenRejects((rejection) => {
        expect(rejection.code).toBe('DEATH_DATE_CONFLICT');
        expect(rejection.details).toEqual({ recordedDateOfDeath: '2026-11-10' });
      });
  });

  it('knows no death of a participant never registered', () => {
    spec.given([]).when(byOfficer).thenRejects('PARTICIPANT_NOT_REGISTERED');
  });

  it('marks the participant deceased on the date', () => {
    const state = [registered, deceasedByOfficer].reduce(evolve, initialState());
    expect(state).toMatchObject({ status: 'deceased', dateOfDeath: '2026-11-10' });
  });
});
