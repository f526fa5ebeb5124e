import { decideEmployer } from './employer.decide';
import type { EmployerCommand, EmployerContext, RegisterEmployer } from './employer.commands';
import { riskClassOn, type RegisteredEmployer } from './employer.state';
import { employerAfter, registered, registration, regions } from '../__tests__/fixtures';

const context: EmployerContext = { today: '2026-12-07', regions };

describe('registering an employer', () => {
  it('records exactly what was asked, with the province of its address', () => {
    const decision = decideEmployer(registration, employerAfter(), context);
    expect(decision).toEqual({ ok: true, events: [registered] });
  });

  it('accepts the same registration again as a retry (no event)', () => {
    expect(decideEmployer(registration, employerAfter(registered), context)).toEqual({
      ok: true,
      events: [],
    });
  });

  it.each<[string, Partial<RegisterEmployer>, string]>([
    ['an NPP that is not 8 digits', { npp: '1234567' }, 'NPP_FORMAT'],
    ['an NPWP with punctuation', { npwp: '01.234.567.8-912.000' }, 'NPWP_FORMAT'],
    ['an NPWP of 14 digits', { npwp: '01234567891200' }, 'NPWP_FORMAT'],
    ['an NIB of 12 digits', { nib: '123456789012' }, 'NIB_FORMAT'],
    ['a KBLI of 4 digits', { kbli: '0311' }, 'KBLI_FORMAT'],
    ['a blank name', { name: '  ' }, 'EMPLOYER_NAME_BLANK'],
    ['risk class 0', { riskClass: 0 }, 'RISK_CLASS_INVALID'],
    ['risk class 6', { riskClass: 6 }, 'RISK_CLASS_INVALID'],
    ['risk class 2.5', { riskClass: 2.5 }, 'RISK_CLASS_INVALID'],
    ['a risk class without basis', { riskClassBasis: ' ' }, 'RISK_CLASS_BASIS_BLANK'],
    [
      'a risk class date that is none',
      { riskClassEffectiveFrom: '2026-02-30' },
      'RISK_CLASS_DATE_INVALID',
    ],
    [
      'an unknown regency',
      { address: { line: 'Jl. X', regencyCode: '5399' } },
      'EMPLOYER_REGENCY_UNKNOWN',
    ],
  ])('refuses %s', (_case, change, code) => {
    const decision = decideEmployer({ ...registration, ...change }, employerAfter(), context);
    expect(decision).toMatchObject({ ok: false, rejection: { code } });
  });

  it('refuses the NPP registered with other details, naming it', () => {
    const decision = decideEmployer(
      { ...registration, name: 'PT Lain' },
      employerAfter(registered),
      context,
    );
    expect(decision).toMatchObject({
      ok: false,
      rejection: { code: 'EMPLOYER_ALREADY_REGISTERED', details: { npp: '12345678' } },
    });
  });
});

describe('an employer after registration', () => {
  const branch: EmployerCommand = {
    type: 'OpenBranch',
    branchId: 'soe',
    name: 'Cabang Soe',
    branchNpp: null,
    regencyCode: '5304',
    openedOn: '2026-03-01',
  };

  it.each<[string, EmployerCommand]>([
    ['a branch', branch],
    [
      'a risk class change',
      { type: 'ChangeRiskClass', riskClass: 4, effectiveFrom: '2026-07-01', basis: 'x' },
    ],
  ])('refuses %s for an unknown NPP', (_case, command) => {
    expect(decideEmployer(command, employerAfter(), context)).toMatchObject({
      ok: false,
      rejection: { code: 'EMPLOYER_NOT_REGISTERED' },
    });
  });

  it('opens a branch once; the same branch again is a retry', () => {
    const opened = decideEmployer(branch, employerAfter(registered), context);
    expect(opened).toEqual({
      ok: true,
      events: [
        {
          type: 'EmployerBranchOpened',
          data: {
            npp: '12345678',
            branchId: 'soe',
            name: 'Cabang Soe',
            branchNpp: null,
            regencyCode: '5304',
            openedOn: '2026-03-01',
          },
        },
      ],
    });
    if (!opened.ok) throw new Error('opened');
    const after = employerAfter(registered, ...opened.events);
    expect(decideEmployer(branch, after, context)).toEqual({ ok: true, events: [] });
    expect(decideEmployer({ ...branch, name: 'Soe' }, after, context)).toMatchObject({
      ok: false,
      rejection: { code: 'BRANCH_ALREADY_OPENED' },
    });
  });

  it.each<[string, Partial<Extract<EmployerCommand, { type: 'OpenBranch' }>>, string]>([
    ['a blank name', { name: '' }, 'BRANCH_NAME_BLANK'],
    ['a branch NPP of 7 digits', { branchNpp: '1234567' }, 'BRANCH_NPP_FORMAT'],
    ['an unknown regency', { regencyCode: '9999' }, 'BRANCH_REGENCY_UNKNOWN'],
    ['an opening date in the future', { openedOn: '2027-01-01' }, 'BRANCH_DATE_INVALID'],
  ])('refuses a branch with %s', (_case, change, code) => {
    const decision = decideEmployer(
      { ...branch, ...change } as EmployerCommand,
      employerAfter(registered),
      context,
    );
    expect(decision).toMatchObject({ ok: false, rejection: { code } });
  });

  it('dates risk class changes: earlier days keep the class in force then', () => {
    const change = decideEmployer(
      { type: 'ChangeRiskClass', riskClass: 4, effectiveFrom: '2026-07-01', basis: 'audit 2026' },
      employerAfter(registered),
      context,
    );
    expect(change).toEqual({
      ok: true,
      events: [
        {
          type: 'EmployerRiskClassChanged',
          data: {
            npp: '12345678',
            riskClass: 4,
            previousRiskClass: 3,
            effectiveFrom: '2026-07-01',
            basis: 'audit 2026',
          },
        },
      ],
    });
    if (!change.ok) throw new Error('changed');
    const employer = employerAfter(registered, ...change.events) as RegisteredEmployer;
    expect(
      ['2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01', '2027-01-01'].map((day) =>
        riskClassOn(employer, day),
      ),
    ).toEqual([undefined, 3, 3, 4, 4]);
  });

  it.each<[string, number, string, string, string]>([
    ['class 6', 6, '2026-07-01', 'x', 'RISK_CLASS_INVALID'],
    ['no basis', 4, '2026-07-01', '', 'RISK_CLASS_BASIS_BLANK'],
    ['a date before the class in force', 4, '2025-12-01', 'x', 'RISK_CLASS_DATE_INVALID'],
    ['the same date as the class in force', 4, '2026-01-01', 'x', 'RISK_CLASS_DATE_INVALID'],
  ])('refuses a risk class change with %s', (_case, riskClass, effectiveFrom, basis, code) => {
    const decision = decideEmployer(
      { type: 'ChangeRiskClass', riskClass, effectiveFrom, basis },
      employerAfter(registered),
      context,
    );
    expect(decision).toMatchObject({ ok: false, rejection: { code } });
  });

  it('records no change when the class stays the same', () => {
    const decision = decideEmployer(
      { type: 'ChangeRiskClass', riskClass: 3, effectiveFrom: '2026-07-01', basis: 'x' },
      employerAfter(registered),
      context,
    );
    expect(decision).toEqual({ ok: true, events: [] });
  });
});
