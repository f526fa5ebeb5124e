import { translator } from '../i18n/messages';
import { problemOf } from '../services/service-client';
import {
  childBody,
  correctionBody,
  enrollmentFormErrors,
  heirRowsOf,
  heirsBody,
  incomeChangeBody,
  registrationBody,
  rupiahInput,
} from './enrollment-forms';

describe('the enrollment officer’s forms, as the enrollment service accepts them', () => {
  it.each([
    ['1500000', 1_500_000],
    ['1.500.000', 1_500_000],
    ['Rp1.500.000', 1_500_000],
    ['1 500 000', 1_500_000],
    [' 950000 ', 950_000],
    ['1.5', '1.5'],
    ['abc', 'abc'],
    ['', undefined],
  ])(
    'reads the amount %p as %p (anything else goes as typed, for the service to refuse)',
    (typed, sent) => {
      expect(rupiahInput(typed)).toBe(sent);
    },
  );

  it('sends a registration with the address nested, a sponsor only when given', () => {
    const values = {
      nik: ' 5371011508902001 ',
      fullName: 'Yakobus Ndoen',
      birthDate: '1990-08-15',
      sex: 'male',
      'address.line': 'Jl. El Tari 10',
      'address.regencyCode': '5371',
      phone: '+6281234567890',
      occupation: 'nelayan',
      declaredIncome: '1.000.000',
      incomeEffectiveFrom: '2026-01',
      sponsorProgramId: '',
    };
    expect(registrationBody(values)).toEqual({
      nik: '5371011508902001',
      fullName: 'Yakobus Ndoen',
      birthDate: '1990-08-15',
      sex: 'male',
      address: { line: 'Jl. El Tari 10', regencyCode: '5371' },
      phone: '+6281234567890',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: '2026-01',
    });
    expect(registrationBody({ ...values, sponsorProgramId: 'ntt-2026' })).toMatchObject({
      sponsorProgramId: 'ntt-2026',
    });
  });

  it('sends an income change and a correction of only the fields filled in', () => {
    expect(incomeChangeBody({ declaredIncome: '2.000.000', effectiveFrom: '2026-06' })).toEqual({
      declaredIncome: 2_000_000,
      effectiveFrom: '2026-06',
    });
    expect(correctionBody({ fullName: ' ', occupation: 'petani', reason: 'sesuai KTP' })).toEqual({
      occupation: 'petani',
      reason: 'sesuai KTP',
    });
    // The address goes whole: a line without a regency is sent for the service to refuse.
    expect(correctionBody({ 'address.line': 'Jl. Baru 1', reason: 'pindah' })).toEqual({
      address: { line: 'Jl. Baru 1', regencyCode: '' },
      reason: 'pindah',
    });
  });

  it('sends the heir rows filled in, keeping row numbers so errors land in their row', () => {
    const values = {
      'heirs.0.heirId': '7d7e1c2a-51f4-4f7e-9d0f-0a4c0f1f2b11',
      'heirs.0.fullName': 'Maria Ndoen',
      'heirs.0.relationship': 'spouse',
      'heirs.0.birthDate': '1992-03-05',
      'heirs.0.bankAccount.bankCode': 'BRI',
      'heirs.0.bankAccount.accountNumber': '012301000123567',
      'heirs.0.bankAccount.accountName': 'Maria Ndoen',
      'heirs.1.fullName': '',
      'heirs.1.relationship': '',
      'heirs.2.fullName': 'Anastasia Ndoen',
      'heirs.2.relationship': 'child',
      'heirs.3.fullName': '',
    };
    expect(heirRowsOf(values)).toBe(4);
    expect(heirsBody(values, 4)).toEqual({
      heirs: [
        {
          heirId: '7d7e1c2a-51f4-4f7e-9d0f-0a4c0f1f2b11',
          fullName: 'Maria Ndoen',
          relationship: 'spouse',
          birthDate: '1992-03-05',
          bankAccount: {
            bankCode: 'BRI',
            accountNumber: '012301000123567',
            accountName: 'Maria Ndoen',
          },
        },
        { fullName: '', relationship: '' },
        { fullName: 'Anastasia Ndoen', relationship: 'child' },
      ],
    });
    expect(heirsBody({ 'heirs.0.fullName': ' ' }, 3)).toEqual({ heirs: [] });
    expect(
      heirsBody({ 'heirs.0.fullName': 'A', 'heirs.0.bankAccount.bankCode': 'BNI' }, 1),
    ).toEqual({
      heirs: [
        {
          fullName: 'A',
          relationship: '',
          bankAccount: { bankCode: 'BNI', accountNumber: '', accountName: '' },
        },
      ],
    });
  });

  it('sends a child with the id chosen when the form was shown', () => {
    expect(
      childBody({
        childId: '0b7c5d1e-3a0c-4a59-8d3e-2a6f4e5b9c10',
        fullName: 'Benediktus',
        birthDate: '2016-09-10',
        relationship: 'biological',
      }),
    ).toEqual({
      childId: '0b7c5d1e-3a0c-4a59-8d3e-2a6f4e5b9c10',
      fullName: 'Benediktus',
      birthDate: '2016-09-10',
      relationship: 'biological',
    });
  });
});

describe('the enrollment service’s refusals on the forms', () => {
  const id = translator('id');
  const en = translator('en');

  it('shows a rule’s code beside the field the service names, in the user’s language', () => {
    const problem = problemOf('enrollment', 422, {
      code: 'NIK_BIRTH_DATE_MISMATCH',
      detail: 'the NIK says 1990-08-16',
      field: '/nik',
    });
    expect(enrollmentFormErrors(id, problem, { nik: '5371011608902001' })).toEqual({
      fieldErrors: {
        nik: ['Tanggal lahir di dalam NIK tidak sama dengan tanggal lahir yang diisi.'],
      },
      formError: null,
    });
    expect(enrollmentFormErrors(en, problem, { nik: '5371011608902001' }).fieldErrors).toEqual({
      nik: ['The birth date inside the NIK differs from the date of birth entered.'],
    });
  });

  it('places a code the service leaves unplaced where the form says, else on the whole form', () => {
    const month = problemOf('enrollment', 422, { code: 'INCOME_EFFECTIVE_MONTH_INVALID' });
    expect(
      enrollmentFormErrors(
        en,
        month,
        { effectiveFrom: '2025-01' },
        {
          INCOME_EFFECTIVE_MONTH_INVALID: 'effectiveFrom',
        },
      ).fieldErrors['effectiveFrom'],
    ).toHaveLength(1);
    const limit = problemOf('enrollment', 409, { code: 'CHILD_LIMIT_REACHED' });
    expect(enrollmentFormErrors(en, limit, {})).toEqual({
      fieldErrors: {},
      formError: 'Two children are already registered for scholarships; no more can be added.',
    });
  });

  it('shows validation failures beside their fields, row by row', () => {
    const problem = problemOf('enrollment', 400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { field: '/heirs/1/fullName', constraint: 'isNotBlank', message: 'fullName is blank' },
        { field: '/heirs/0/bankAccount/accountNumber', constraint: 'matches', message: 'x' },
      ],
    });
    const errors = enrollmentFormErrors(id, problem, {
      'heirs.1.fullName': '',
      'heirs.0.bankAccount.accountNumber': '12ab',
    });
    expect(errors.fieldErrors).toEqual({
      'heirs.1.fullName': ['Wajib diisi.'],
      'heirs.0.bankAccount.accountNumber': ['Formatnya tidak sesuai.'],
    });
  });
});
