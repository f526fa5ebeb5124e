import { checkWorkerRow } from './worker-row';
import {
  columnCountProblem,
  duplicateNikProblem,
  enrolmentOf,
  rowProblemOf,
} from './worker-enrolment';

describe('bulk rows as enrolments and problems', () => {
  it('turns a checked row into an enrolment sponsored by the program', () => {
    const check = checkWorkerRow(2, {
      nik: '5371011508900001',
      full_name: 'Yohanes Bria',
      birth_date: '1990-08-15',
      sex: 'L',
      address: 'Jl. El Tari 10',
      regency_code: '5371',
      phone: '081234567890',
      occupation: 'nelayan',
      declared_income: '1.000.000',
    });
    if (!check.ok) throw new Error('fixture row must be valid');
    expect(
      enrolmentOf(check.row, {
        participantId: 'p-1',
        programId: 'ntt-2026',
        incomeEffectiveFrom: '2026-01',
      }),
    ).toEqual({
      type: 'EnrolSponsoredWorker',
      participantId: 'p-1',
      programId: 'ntt-2026',
      nik: '5371011508900001',
      fullName: 'Yohanes Bria',
      birthDate: '1990-08-15',
      sex: 'male',
      address: { line: 'Jl. El Tari 10', regencyCode: '5371' },
      phone: '081234567890',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-01',
    });
  });

  it.each([
    ['NIK_BIRTH_DATE_MISMATCH', 'nik'],
    ['NIK_SEX_MISMATCH', 'nik'],
    ['NIK_DISTRICT_UNKNOWN', 'nik'],
    ['INCOME_BELOW_FLOOR', 'declared_income'],
    ['INCOME_ABOVE_CEILING', 'declared_income'],
    ['NAME_BLANK', 'full_name'],
    ['BIRTH_DATE_IN_FUTURE', 'birth_date'],
    ['ADDRESS_REGENCY_UNKNOWN', 'regency_code'],
    ['PARTICIPANT_ALREADY_REGISTERED', 'row'],
    ['INCOME_EFFECTIVE_MONTH_INVALID', 'row'],
    ['HEIR_INVALID', 'row'],
  ] as const)('points %s at the %s column', (code, field) => {
    expect(rowProblemOf(9, { code, message: 'why' })).toEqual({
      rowNumber: 9,
      field,
      code,
      reason: 'why',
    });
  });

  it('keeps the details of a rejection, e.g. the participant already registered', () => {
    expect(
      rowProblemOf(4, {
        code: 'PARTICIPANT_ALREADY_REGISTERED',
        message: 'other phone',
        details: { participantId: 'p-1' },
      }),
    ).toMatchObject({ details: { participantId: 'p-1' } });
  });

  it('names the first row of a duplicate NIK and the field counts of a broken row', () => {
    expect(duplicateNikProblem(12, 3)).toMatchObject({
      rowNumber: 12,
      field: 'nik',
      code: 'DUPLICATE_NIK_IN_FILE',
      details: { firstRowNumber: 3 },
    });
    expect(columnCountProblem(5, 8, 9)).toMatchObject({
      rowNumber: 5,
      field: 'row',
      code: 'ROW_COLUMN_COUNT',
      reason: 'has 8 field(s) where the header has 9',
    });
  });
});
