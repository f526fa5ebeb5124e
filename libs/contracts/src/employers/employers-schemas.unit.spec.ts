import {
  eventPayloadSchemas as registry,
  PUBLISHED_EVENT_SCHEMAS,
} from '../published-event-schemas';
import { WORKER_PERSONAL_DATA_PATHS } from '.';

const sealed = { $pii: 1, subject: 'p-1', field: 'nik', iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' };
const report = { reportedOn: '2026-12-07', dueBy: '2026-12-10', late: false, workingDaysLate: 0 };
const wage = { basis: 'daily', amount: 100_000, monthlyWage: 2_500_000 };

describe('the employers contract', () => {
  it('registers each schema, version 1, on the topic of the enrollment service that hosts it', () => {
    const employers = PUBLISHED_EVENT_SCHEMAS.filter((entry) => entry.context === 'employers');
    expect(employers.map((entry) => [entry.type, entry.topic])).toEqual([
      ['EmployerRegistered', 'enrollment.events'],
      ['EmployerBranchOpened', 'enrollment.events'],
      ['EmployerRiskClassChanged', 'enrollment.events'],
      ['WorkerRegistered', 'enrollment.events'],
      ['WageReported', 'enrollment.events'],
      ['WorkerLeft', 'enrollment.events'],
    ]);
  });

  it.each<[string, object]>([
    [
      'EmployerRegistered',
      {
        npp: '12345678',
        name: 'CV Laut Sawu',
        npwp: '012345678912000',
        nib: '1234567890123',
        kbli: '03111',
        businessScale: 'medium',
        riskClass: 3,
        riskClassBasis: 'Lampiran I',
        riskClassEffectiveFrom: '2026-01-01',
        address: { line: 'Jl. Timor Raya 5', regencyCode: '5371' },
        provinceCode: '53',
        bankAccount: { bankCode: 'BNI', accountNumber: '0123456789', accountName: 'CV Laut Sawu' },
      },
    ],
    [
      'EmployerBranchOpened',
      {
        npp: '12345678',
        branchId: 'soe',
        name: 'Soe',
        branchNpp: null,
        regencyCode: '5304',
        openedOn: '2026-03-01',
      },
    ],
    [
      'EmployerRiskClassChanged',
      {
        npp: '12345678',
        riskClass: 4,
        previousRiskClass: 3,
        effectiveFrom: '2026-07-01',
        basis: 'x',
      },
    ],
    [
      'WorkerRegistered',
      {
        npp: '12345678',
        participantId: 'p-1',
        nik: sealed,
        fullName: { ...sealed, field: 'fullName' },
        birthDate: '1990-08-15',
        sex: 'male',
        branchId: null,
        startedOn: '2026-12-01',
        wage,
        minimumWage: {
          ruleId: 'UMP-53-2025-01-01',
          amount: 2_328_969,
          legalBasis: 'x',
          exception: null,
        },
        jkpParticipant: true,
        report,
      },
    ],
    [
      'WageReported',
      {
        npp: '12345678',
        participantId: 'p-1',
        wage,
        previousMonthlyWage: 2_400_000,
        effectiveFrom: '2026-12-04',
        minimumWage: null,
        report: { ...report, late: true, workingDaysLate: 2 },
      },
    ],
    [
      'WorkerLeft',
      { npp: '12345678', participantId: 'p-1', leftOn: '2026-12-05', reason: 'resigned', report },
    ],
  ])('%s: a payload as published passes its schema', (type, data) => {
    expect(registry.validate(type, 1, data)).toEqual({ ok: true });
  });

  it('refuses an unknown leaving reason, a risk class of 6 and a worker name in clear, naming the field', () => {
    expect(
      registry.validate('WorkerLeft', 1, {
        npp: '12345678',
        participantId: 'p-1',
        leftOn: '2026-12-05',
        reason: 'vanished',
        report,
      }),
    ).toMatchObject({ ok: false, errors: [{ field: 'reason', constraint: 'enum' }] });
    expect(
      registry.validate('EmployerRiskClassChanged', 1, {
        npp: '12345678',
        riskClass: 6,
        previousRiskClass: 3,
        effectiveFrom: '2026-07-01',
        basis: 'x',
      }),
    ).toMatchObject({ ok: false, errors: [{ field: 'riskClass' }] });
    const clear = registry.validate('WorkerRegistered', 1, { fullName: 'Yohanes Bria' });
    expect(clear).toMatchObject({ ok: false });
    expect(clear?.ok === false && clear.errors.some((e) => e.constraint === 'encryptedField')).toBe(
      true,
    );
  });

  it('seals exactly the worker fields its schema says travel encrypted', () => {
    expect(WORKER_PERSONAL_DATA_PATHS.WorkerRegistered).toEqual(['nik', 'fullName']);
  });
});
