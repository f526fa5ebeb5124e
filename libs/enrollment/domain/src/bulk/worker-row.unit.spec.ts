import { checkWorkerRow, missingColumns, WORKER_CSV_COLUMNS } from './worker-row';

const valid = {
  nik: '5371011508900001',
  full_name: 'Yohanes Bria',
  birth_date: '1990-08-15',
  sex: 'L',
  address: 'Jl. El Tari 10',
  regency_code: '5371',
  phone: '081234567890',
  occupation: 'nelayan',
  declared_income: '1000000',
};

describe('bulk enrollment rows', () => {
  it('reads a valid row', () => {
    expect(checkWorkerRow(2, valid)).toEqual({
      ok: true,
      row: expect.objectContaining({
        rowNumber: 2,
        sex: 'male',
        declaredIncome: 1_000_000,
        addressLine: 'Jl. El Tari 10',
      }),
    });
  });

  it.each([
    ['1.000.000', 1_000_000],
    ['1,500,000', 1_500_000],
    [' 2000000 ', 2_000_000],
  ])('reads income %p as %p rupiah', (text, amount) => {
    expect(checkWorkerRow(2, { ...valid, declared_income: text })).toMatchObject({
      ok: true,
      row: { declaredIncome: amount },
    });
  });

  it.each([
    ['nik', '5371', 'NIK_FORMAT'],
    ['nik', '', 'FIELD_REQUIRED'],
    ['birth_date', '15/08/1990', 'DATE_INVALID'],
    ['sex', 'X', 'SEX_INVALID'],
    ['regency_code', '53-71', 'FIELD_TOO_LONG'],
    ['regency_code', 'KPG1', 'REGENCY_FORMAT'],
    ['phone', 'call me', 'PHONE_FORMAT'],
    ['declared_income', '1000000.50', 'INCOME_NOT_INTEGER_RUPIAH'],
    ['declared_income', '-1000000', 'INCOME_NOT_INTEGER_RUPIAH'],
    ['declared_income', '1e6', 'INCOME_NOT_INTEGER_RUPIAH'],
    ['full_name', 'x'.repeat(121), 'FIELD_TOO_LONG'],
    ['full_name', 'Yoh\uFFFDnes', 'FIELD_ENCODING'],
  ] as const)('reports %s = %p as %s with row number and field', (column, value, code) => {
    const result = checkWorkerRow(7, { ...valid, [column]: value });
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ rowNumber: 7, field: column, code })],
    });
  });

  it('reports every problem of a row, not only the first', () => {
    const result = checkWorkerRow(3, { ...valid, nik: 'abc', phone: '', sex: '?' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['nik', 'sex', 'phone']);
  });

  it('names missing columns in any header order and case', () => {
    expect(missingColumns([...WORKER_CSV_COLUMNS].reverse().map((c) => c.toUpperCase()))).toEqual(
      [],
    );
    expect(missingColumns(['nik', 'full_name'])).toEqual(WORKER_CSV_COLUMNS.slice(2));
  });
});
