import type { EnrollmentEvent } from '@santunan/contracts';
import { kemendagriRegions } from '../regions';
import type {
  EnrollmentContext,
  ParticipantCommand,
  RegisterParticipant,
} from './participant.commands';
import { decide } from './participant.decide';
import { evolve, initialState, type ParticipantState } from './participant.state';

const context: EnrollmentContext = {
  today: '2026-11-24',
  incomeFloor: 1_000_000,
  incomeCeiling: 100_000_000,
  regions: kemendagriRegions(),
};

const registration: RegisterParticipant = {
  type: 'RegisterParticipant',
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
  membership: { kind: 'sponsored', programId: 'ntt-2026' },
};

function given(...commands: ParticipantCommand[]): ParticipantState {
  return commands.reduce<ParticipantState>((state, command) => {
    const decision = decide(command, state, context);
    if (!decision.ok) throw new Error(`setup rejected: ${decision.rejection.code}`);
    return decision.events.reduce<ParticipantState>((s, e: EnrollmentEvent) => evolve(s, e), state);
  }, initialState());
}

function rejectionOf(command: ParticipantCommand, state: ParticipantState): string | undefined {
  const decision = decide(command, state, context);
  return decision.ok ? undefined : decision.rejection.code;
}

describe('participant decider', () => {
  it('registers a BPU participant', () => {
    const decision = decide(registration, initialState(), context);
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'ParticipantRegistered',
          data: expect.objectContaining({ participantId: 'p-1', declaredIncome: 1_000_000 }),
        },
      ],
    });
  });

  it('treats the same registration again as a retry: no events', () => {
    expect(decide(registration, given(registration), context)).toEqual({ ok: true, events: [] });
  });

  it('refuses the same NIK with other data, naming the existing participant', () => {
    const decision = decide(
      { ...registration, participantId: 'p-2', phone: '+6280000000000' },
      given(registration),
      context,
    );
    expect(decision).toMatchObject({
      ok: false,
      rejection: { code: 'PARTICIPANT_ALREADY_REGISTERED', details: { participantId: 'p-1' } },
    });
  });

  it.each<[string, Partial<RegisterParticipant>, string]>([
    ['income under the Rp1,000,000 floor', { declaredIncome: 999_999 }, 'INCOME_BELOW_FLOOR'],
    ['income over the ceiling', { declaredIncome: 100_000_001 }, 'INCOME_ABOVE_CEILING'],
    ['an income of Rp10^15 a month', { declaredIncome: 10 ** 15 }, 'INCOME_ABOVE_CEILING'],
    ['a name of only spaces', { fullName: '   ' }, 'NAME_BLANK'],
    ['a name of tabs and no-break spaces', { fullName: '\t\u00a0 ' }, 'NAME_BLANK'],
    ['a NIK of kecamatan 99', { nik: '5371991508900001' }, 'NIK_DISTRICT_UNKNOWN'],
    ['fractional rupiah', { declaredIncome: 1_000_000.5 }, 'INCOME_NOT_INTEGER_RUPIAH'],
    ['negative income', { declaredIncome: -1 }, 'INCOME_NOT_INTEGER_RUPIAH'],
    ['a NIK of another birth date', { birthDate: '1990-08-16' }, 'NIK_BIRTH_DATE_MISMATCH'],
    ['an impossible birth date', { birthDate: '1990-02-30' }, 'DATE_INVALID'],
    ['a birth date in the future', { birthDate: '2027-01-01' }, 'BIRTH_DATE_IN_FUTURE'],
    [
      'an unknown address regency',
      { address: { line: 'x', regencyCode: '5399' } },
      'ADDRESS_REGENCY_UNKNOWN',
    ],
    ['a bad income month', { incomeEffectiveFrom: '2026-13' }, 'INCOME_EFFECTIVE_MONTH_INVALID'],
  ])('refuses a registration with %s', (_label, change, code) => {
    expect(rejectionOf({ ...registration, ...change }, initialState())).toBe(code);
  });

  it('accepts an income at the ceiling, and names the ceiling when refusing one above it', () => {
    expect(rejectionOf({ ...registration, declaredIncome: 100_000_000 }, initialState())).toBe(
      undefined,
    );
    expect(
      decide({ ...registration, declaredIncome: 10 ** 15 }, initialState(), context),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'INCOME_ABOVE_CEILING', details: { ceiling: 100_000_000 } },
    });
  });

  it('refuses a correction to a blank name, a blank heir name and a blank child name', () => {
    const registered = given(registration);
    expect(
      rejectionOf(
        { type: 'CorrectParticipantDetails', fullName: '  ', reason: 'typo' },
        registered,
      ),
    ).toBe('NAME_BLANK');
    expect(
      rejectionOf(
        {
          type: 'DesignateHeirs',
          heirs: [{ heirId: 'h-1', fullName: ' ', relationship: 'spouse' }],
        },
        registered,
      ),
    ).toBe('HEIR_INVALID');
    expect(
      rejectionOf(
        {
          type: 'RegisterChild',
          childId: 'c-1',
          fullName: '\u00a0',
          birthDate: '2015-04-01',
          relationship: 'biological',
        },
        registered,
      ),
    ).toBe('CHILD_INVALID');
  });

  it('changes the declared income from a later month, keeping the history', () => {
    const decision = decide(
      { type: 'ChangeDeclaredIncome', declaredIncome: 1_500_000, effectiveFrom: '2026-06' },
      given(registration),
      context,
    );
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'DeclaredIncomeChanged',
          data: {
            participantId: 'p-1',
            declaredIncome: 1_500_000,
            previousIncome: 1_000_000,
            effectiveFrom: '2026-06',
          },
        },
      ],
    });
  });

  it.each<[string, number, string, string]>([
    ['under the floor', 900_000, '2026-06', 'INCOME_BELOW_FLOOR'],
    ['over the ceiling', 100_000_001, '2026-06', 'INCOME_ABOVE_CEILING'],
    [
      'effective in the month already in force',
      1_500_000,
      '2026-01',
      'INCOME_EFFECTIVE_MONTH_INVALID',
    ],
    ['effective before the month in force', 1_500_000, '2025-12', 'INCOME_EFFECTIVE_MONTH_INVALID'],
  ])('refuses an income change %s', (_label, declaredIncome, effectiveFrom, code) => {
    expect(
      rejectionOf(
        { type: 'ChangeDeclaredIncome', declaredIncome, effectiveFrom },
        given(registration),
      ),
    ).toBe(code);
  });

  it('accepts no income change after a recorded death', () => {
    const deceased = given(registration, {
      type: 'RecordDeath',
      dateOfDeath: '2026-05-02',
      recordedBy: { kind: 'claims-event', eventId: 'e-9' },
    });
    expect(
      rejectionOf(
        { type: 'ChangeDeclaredIncome', declaredIncome: 2_000_000, effectiveFrom: '2026-07' },
        deceased,
      ),
    ).toBe('PARTICIPANT_DECEASED');
    // The same death delivered again is not news.
    expect(
      decide(
        {
          type: 'RecordDeath',
          dateOfDeath: '2026-05-02',
          recordedBy: { kind: 'claims-event', eventId: 'e-9' },
        },
        deceased,
        context,
      ),
    ).toEqual({
      ok: true,
      events: [],
    });
  });

  it('registers at most two children for scholarships and says why the third is refused', () => {
    const child = (childId: string, birthDate: string) =>
      ({
        type: 'RegisterChild',
        childId,
        fullName: `Anak ${childId}`,
        birthDate,
        relationship: 'biological',
      }) as const;
    const twoChildren = given(registration, child('c-1', '2015-04-01'), child('c-2', '2018-09-10'));
    const decision = decide(child('c-3', '2020-01-01'), twoChildren, context);
    expect(decision).toMatchObject({
      ok: false,
      rejection: { code: 'CHILD_LIMIT_REACHED', details: { registeredChildIds: ['c-1', 'c-2'] } },
    });
    expect(decide(child('c-2', '2018-09-10'), twoChildren, context)).toEqual({
      ok: true,
      events: [],
    });
  });

  it('designates heirs with relationship and bank account, refusing unknown relationships', () => {
    const heirs = [
      {
        heirId: 'h-1',
        fullName: 'Maria Bria',
        relationship: 'spouse',
        bankAccount: { bankCode: 'BRI', accountNumber: '0123', accountName: 'Maria Bria' },
      },
      { heirId: 'h-2', fullName: 'Paulus Bria', relationship: 'parent' },
    ] as const;
    expect(decide({ type: 'DesignateHeirs', heirs }, given(registration), context)).toMatchObject({
      ok: true,
      events: [{ type: 'HeirsDesignated' }],
    });
    const cousin = [
      { heirId: 'h-3', fullName: 'X', relationship: 'cousin' },
    ] as unknown as typeof heirs;
    expect(rejectionOf({ type: 'DesignateHeirs', heirs: cousin }, given(registration))).toBe(
      'HEIR_INVALID',
    );
  });

  it('corrects only what changed, and refuses an empty correction', () => {
    const decision = decide(
      {
        type: 'CorrectParticipantDetails',
        fullName: 'Yohanes Bria Seran',
        phone: registration.phone,
        reason: 'KTP spelling',
      },
      given(registration),
      context,
    );
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'ParticipantDetailsCorrected',
          data: { participantId: 'p-1', fullName: 'Yohanes Bria Seran', reason: 'KTP spelling' },
        },
      ],
    });
    expect(
      rejectionOf(
        { type: 'CorrectParticipantDetails', phone: registration.phone, reason: 'none' },
        given(registration),
      ),
    ).toBe('CORRECTION_EMPTY');
  });

  it('refuses commands for a participant never registered', () => {
    expect(
      rejectionOf(
        { type: 'ChangeDeclaredIncome', declaredIncome: 1_000_000, effectiveFrom: '2026-02' },
        initialState(),
      ),
    ).toBe('PARTICIPANT_NOT_REGISTERED');
  });
});
