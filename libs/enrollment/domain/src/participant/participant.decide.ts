import type { EnrollmentEvent, Heir, Membership } from '@santunan/contracts';
import { HEIR_RELATIONSHIPS } from '@santunan/contracts';
import { accept, isIsoDate, isIsoMonth, rejectWith, type Decision } from '@santunan/domain-kernel';
import { checkNik, type NikRejection } from '../nik';
import type {
  ChangeDeclaredIncome,
  CorrectParticipantDetails,
  DesignateHeirs,
  EnrolSponsoredWorker,
  EnrollmentContext,
  ParticipantCommand,
  RecordDeath,
  RegisterChild,
  RegisterParticipant,
} from './participant.commands';
import {
  currentIncome,
  type ParticipantState,
  type RegisteredParticipant,
} from './participant.state';

/** A NIK that does not check out is refused with its own code (checkNik's). */
export type EnrollmentRejectionCode =
  | NikRejection
  | 'DATE_INVALID'
  | 'BIRTH_DATE_IN_FUTURE'
  | 'ADDRESS_REGENCY_UNKNOWN'
  | 'INCOME_NOT_INTEGER_RUPIAH'
  | 'INCOME_BELOW_FLOOR'
  | 'INCOME_ABOVE_CEILING'
  | 'NAME_BLANK'
  | 'INCOME_EFFECTIVE_MONTH_INVALID'
  | 'PARTICIPANT_ALREADY_REGISTERED'
  | 'PARTICIPANT_NOT_REGISTERED'
  | 'PARTICIPANT_DECEASED'
  | 'CORRECTION_EMPTY'
  | 'HEIR_INVALID'
  | 'CHILD_LIMIT_REACHED'
  | 'CHILD_INVALID'
  | 'DEATH_DATE_INVALID'
  | 'DEATH_DATE_IN_FUTURE'
  | 'DEATH_DATE_BEFORE_BIRTH'
  | 'DEATH_DATE_CONFLICT'
  | 'DEATH_CERTIFICATE_MISSING';

type ParticipantDecision = Decision<EnrollmentEvent, EnrollmentRejectionCode>;

/** Children registered for scholarships: at most two (PP 82/2019, rules reference §4). */
export const MAX_SCHOLARSHIP_CHILDREN = 2;

function checkIncome(income: number, context: EnrollmentContext): ParticipantDecision | undefined {
  if (!Number.isSafeInteger(income) || income < 0) {
    return rejectWith(
      'INCOME_NOT_INTEGER_RUPIAH',
      'declared income must be a whole, non-negative number of rupiah',
    );
  }
  if (income < context.incomeFloor) {
    return rejectWith(
      'INCOME_BELOW_FLOOR',
      `declared income ${income} is under the floor of ${context.incomeFloor}`,
      {
        floor: context.incomeFloor,
      },
    );
  }
  const ceiling = context.incomeCeiling;
  if (ceiling !== undefined && income > ceiling) {
    return rejectWith(
      'INCOME_ABOVE_CEILING',
      `declared income ${income} is over the ceiling of ${ceiling}`,
      { ceiling },
    );
  }
  return undefined;
}

/** A name of only white space (spaces, tabs, no-break spaces) is no name. */
function isBlank(name: string): boolean {
  return name.trim() === '';
}

function sameRegistration(existing: RegisteredParticipant, command: RegisterParticipant): boolean {
  const income = existing.incomeHistory[0];
  return (
    existing.nik === command.nik &&
    existing.fullName === command.fullName &&
    existing.birthDate === command.birthDate &&
    existing.sex === command.sex &&
    existing.address.line === command.address.line &&
    existing.address.regencyCode === command.address.regencyCode &&
    existing.phone === command.phone &&
    existing.occupation === command.occupation &&
    income?.declaredIncome === command.declaredIncome &&
    income.effectiveFrom === command.incomeEffectiveFrom &&
    JSON.stringify(existing.membership) === JSON.stringify(command.membership)
  );
}

function register(
  state: ParticipantState,
  command: RegisterParticipant,
  context: EnrollmentContext,
): ParticipantDecision {
  if (state.status !== 'unregistered') {
    // Registering the same person again with the same data is a retry, not a conflict.
    if (sameRegistration(state, command)) return accept();
    return rejectWith(
      'PARTICIPANT_ALREADY_REGISTERED',
      'this NIK is already registered with other details',
      {
        participantId: state.participantId,
      },
    );
  }
  if (!isIsoDate(command.birthDate))
    return rejectWith('DATE_INVALID', `birth date ${command.birthDate} is not a date`);
  if (command.birthDate > context.today)
    return rejectWith('BIRTH_DATE_IN_FUTURE', 'birth date is in the future');
  const nik = checkNik(
    command.nik,
    { birthDate: command.birthDate, sex: command.sex },
    context.regions,
  );
  if (!nik.ok) return rejectWith(nik.code, nik.message);
  if (isBlank(command.fullName)) return rejectWith('NAME_BLANK', 'the participant needs a name');
  if (!context.regions.regencyName(command.address.regencyCode)) {
    return rejectWith(
      'ADDRESS_REGENCY_UNKNOWN',
      `kabupaten/kota code ${command.address.regencyCode} is unknown`,
    );
  }
  const incomeProblem = checkIncome(command.declaredIncome, context);
  if (incomeProblem) return incomeProblem;
  if (!isIsoMonth(command.incomeEffectiveFrom)) {
    return rejectWith('INCOME_EFFECTIVE_MONTH_INVALID', 'income effective month must be YYYY-MM');
  }
  const { type: _type, ...data } = command;
  return accept({ type: 'ParticipantRegistered', data });
}

/** The fields of a bulk row that differ from what is registered (empty: the same worker). */
export function differingWorkerFields(
  existing: RegisteredParticipant,
  worker: EnrolSponsoredWorker,
): string[] {
  const membership: Membership = { kind: 'sponsored', programId: worker.programId };
  const checks: readonly [string, boolean][] = [
    ['nik', existing.nik === worker.nik],
    ['fullName', existing.fullName === worker.fullName],
    ['birthDate', existing.birthDate === worker.birthDate],
    ['sex', existing.sex === worker.sex],
    ['address', JSON.stringify(existing.address) === JSON.stringify(worker.address)],
    ['phone', existing.phone === worker.phone],
    ['occupation', existing.occupation === worker.occupation],
    ['declaredIncome', currentIncome(existing).declaredIncome === worker.declaredIncome],
    ['membership', JSON.stringify(existing.membership) === JSON.stringify(membership)],
  ];
  return checks.filter(([, same]) => !same).map(([field]) => field);
}

function enrolSponsoredWorker(
  state: ParticipantState,
  command: EnrolSponsoredWorker,
  context: EnrollmentContext,
): ParticipantDecision {
  const { type: _type, programId, ...worker } = command;
  if (state.status === 'unregistered') {
    return register(
      state,
      { ...worker, type: 'RegisterParticipant', membership: { kind: 'sponsored', programId } },
      context,
    );
  }
  const differing = differingWorkerFields(state, command);
  if (differing.length > 0) {
    return rejectWith(
      'PARTICIPANT_ALREADY_REGISTERED',
      `this NIK is already registered with another ${differing.join(', ')}`,
      { participantId: state.participantId, differingFields: differing },
    );
  }
  if (state.status === 'deceased') {
    return rejectWith('PARTICIPANT_DECEASED', 'this NIK belongs to a deceased participant', {
      participantId: state.participantId,
      dateOfDeath: state.dateOfDeath,
    });
  }
  // The same worker in another upload: already enrolled, nothing new to record.
  return accept();
}

function correct(
  participant: RegisteredParticipant,
  command: CorrectParticipantDetails,
  context: EnrollmentContext,
): ParticipantDecision {
  if (command.address && !context.regions.regencyName(command.address.regencyCode)) {
    return rejectWith(
      'ADDRESS_REGENCY_UNKNOWN',
      `kabupaten/kota code ${command.address.regencyCode} is unknown`,
    );
  }
  if (command.fullName !== undefined && isBlank(command.fullName)) {
    return rejectWith('NAME_BLANK', 'the participant needs a name');
  }
  const changes = {
    ...(command.fullName !== undefined && command.fullName !== participant.fullName
      ? { fullName: command.fullName }
      : {}),
    ...(command.address !== undefined &&
    JSON.stringify(command.address) !== JSON.stringify(participant.address)
      ? { address: command.address }
      : {}),
    ...(command.phone !== undefined && command.phone !== participant.phone
      ? { phone: command.phone }
      : {}),
    ...(command.occupation !== undefined && command.occupation !== participant.occupation
      ? { occupation: command.occupation }
      : {}),
  };
  if (Object.keys(changes).length === 0) {
    return rejectWith('CORRECTION_EMPTY', 'the correction changes nothing');
  }
  return accept({
    type: 'ParticipantDetailsCorrected',
    data: { participantId: participant.participantId, ...changes, reason: command.reason },
  });
}

function changeIncome(
  participant: RegisteredParticipant,
  command: ChangeDeclaredIncome,
  context: EnrollmentContext,
): ParticipantDecision {
  if (participant.status === 'deceased') {
    return rejectWith('PARTICIPANT_DECEASED', 'no income changes after the participant died', {
      dateOfDeath: participant.dateOfDeath,
    });
  }
  const incomeProblem = checkIncome(command.declaredIncome, context);
  if (incomeProblem) return incomeProblem;
  const current = currentIncome(participant);
  // Income history only moves forward: a change cannot rewrite months already in force.
  if (!isIsoMonth(command.effectiveFrom) || command.effectiveFrom <= current.effectiveFrom) {
    return rejectWith(
      'INCOME_EFFECTIVE_MONTH_INVALID',
      `the new income must take effect after ${current.effectiveFrom} (YYYY-MM)`,
    );
  }
  if (command.declaredIncome === current.declaredIncome) return accept();
  return accept({
    type: 'DeclaredIncomeChanged',
    data: {
      participantId: participant.participantId,
      declaredIncome: command.declaredIncome,
      previousIncome: current.declaredIncome,
      effectiveFrom: command.effectiveFrom,
    },
  });
}

function heirProblem(heir: Heir): string | undefined {
  if (!heir.heirId || isBlank(heir.fullName)) return 'every heir needs an id and a name';
  if (!HEIR_RELATIONSHIPS.includes(heir.relationship))
    return `relationship ${String(heir.relationship)} is unknown`;
  if (heir.birthDate !== undefined && !isIsoDate(heir.birthDate))
    return `birth date ${heir.birthDate} is not a date`;
  return undefined;
}

function designateHeirs(
  participant: RegisteredParticipant,
  command: DesignateHeirs,
): ParticipantDecision {
  const ids = new Set(command.heirs.map((heir) => heir.heirId));
  if (ids.size !== command.heirs.length)
    return rejectWith('HEIR_INVALID', 'heir ids must be unique');
  for (const heir of command.heirs) {
    const problem = heirProblem(heir);
    if (problem) return rejectWith('HEIR_INVALID', problem, { heirId: heir.heirId });
  }
  if (JSON.stringify(command.heirs) === JSON.stringify(participant.heirs)) return accept();
  return accept({
    type: 'HeirsDesignated',
    data: { participantId: participant.participantId, heirs: command.heirs },
  });
}

function registerChild(
  participant: RegisteredParticipant,
  command: RegisterChild,
  context: EnrollmentContext,
): ParticipantDecision {
  const known = participant.children.find((child) => child.childId === command.childId);
  if (known) {
    const same =
      known.fullName === command.fullName &&
      known.birthDate === command.birthDate &&
      known.relationship === command.relationship;
    return same
      ? accept()
      : rejectWith('CHILD_INVALID', `child ${command.childId} is registered with other details`);
  }
  if (participant.children.length >= MAX_SCHOLARSHIP_CHILDREN) {
    return rejectWith(
      'CHILD_LIMIT_REACHED',
      `at most ${MAX_SCHOLARSHIP_CHILDREN} children can be registered for scholarships (PP 82/2019)`,
      { registeredChildIds: participant.children.map((child) => child.childId) },
    );
  }
  if (isBlank(command.fullName)) return rejectWith('CHILD_INVALID', 'the child needs a name');
  if (!isIsoDate(command.birthDate))
    return rejectWith('DATE_INVALID', `birth date ${command.birthDate} is not a date`);
  if (command.birthDate > context.today)
    return rejectWith('BIRTH_DATE_IN_FUTURE', 'birth date is in the future');
  const { type: _type, ...child } = command;
  return accept({
    type: 'ChildRegisteredForScholarship',
    data: { participantId: participant.participantId, ...child },
  });
}

function recordDeath(
  participant: RegisteredParticipant,
  command: RecordDeath,
  context: EnrollmentContext,
): ParticipantDecision {
  const { dateOfDeath, recordedBy } = command;
  if (!isIsoDate(dateOfDeath))
    return rejectWith('DEATH_DATE_INVALID', `date of death ${dateOfDeath} is not a date`);
  if (dateOfDeath > context.today)
    return rejectWith('DEATH_DATE_IN_FUTURE', `date of death ${dateOfDeath} is after today`);
  if (dateOfDeath < participant.birthDate) {
    return rejectWith(
      'DEATH_DATE_BEFORE_BIRTH',
      `date of death ${dateOfDeath} is before the birth date ${participant.birthDate}`,
    );
  }
  if (recordedBy.kind === 'enrollment-officer' && isBlank(recordedBy.deathCertificateReference)) {
    return rejectWith(
      'DEATH_CERTIFICATE_MISSING',
      'a death is recorded on its death certificate (akta kematian): give its number',
    );
  }
  // The same death again (a redelivery, or claims' register echoing an officer's record, or
  // an officer recording what a claim already did) is not news; another date is a conflict
  // for a correction process, not for a second record.
  if (participant.status === 'deceased') {
    return participant.dateOfDeath === dateOfDeath
      ? accept()
      : rejectWith(
          'DEATH_DATE_CONFLICT',
          `the death is already recorded on ${participant.dateOfDeath ?? '?'}, not ${dateOfDeath}`,
          { recordedDateOfDeath: participant.dateOfDeath },
        );
  }
  return accept({
    type: 'ParticipantDeceased',
    data: {
      participantId: participant.participantId,
      dateOfDeath,
      recordedBy:
        recordedBy.kind === 'enrollment-officer'
          ? {
              ...recordedBy,
              deathCertificateReference: recordedBy.deathCertificateReference.trim(),
            }
          : recordedBy,
    },
  });
}

export function decide(
  command: ParticipantCommand,
  state: ParticipantState,
  context: EnrollmentContext,
): ParticipantDecision {
  if (command.type === 'RegisterParticipant') return register(state, command, context);
  if (command.type === 'EnrolSponsoredWorker') return enrolSponsoredWorker(state, command, context);
  if (state.status === 'unregistered') {
    return rejectWith('PARTICIPANT_NOT_REGISTERED', 'no participant with this id');
  }
  switch (command.type) {
    case 'CorrectParticipantDetails':
      return correct(state, command, context);
    case 'ChangeDeclaredIncome':
      return changeIncome(state, command, context);
    case 'DesignateHeirs':
      return designateHeirs(state, command);
    case 'RegisterChild':
      return registerChild(state, command, context);
    case 'RecordDeath':
      return recordDeath(state, command, context);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
