import {
  disclosureFor,
  initials,
  maskBirthDate,
  maskNik,
  maskPaths,
  maskTail,
} from './personal-data-masking';

describe('masking personal data for callers who may not see it', () => {
  it('keeps the regency and the serial of a NIK, hiding birth date and sex', () => {
    expect(maskNik('5371011508900001')).toBe('5371********0001');
  });

  it.each([
    ['Yohanes Bria', 'Y. B.'],
    ['  maria   goreti  seran ', 'M. G. S.'],
    ['Ésa', 'É.'],
  ])('reduces %p to initials %p', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('shows only the tail of phone and account numbers, and the year of birth', () => {
    expect(maskTail('+6281234567890', 3)).toBe('***********890');
    expect(maskTail('12', 4)).toBe('*2');
    expect(maskBirthDate('1990-08-15')).toBe('1990-**-**');
  });

  it('masks the declared personal paths of an event, arrays included, and leaves the rest', () => {
    const masked = maskPaths(
      {
        participantId: 'p-1',
        heirs: [
          {
            fullName: 'Maria Bria',
            relationship: 'spouse',
            bankAccount: {
              bankCode: 'BRI',
              accountNumber: '0123456789',
              accountName: 'Maria Bria',
            },
          },
          { fullName: 'Paulus Bria', relationship: 'parent' },
        ],
      },
      ['heirs.*.fullName', 'heirs.*.bankAccount.accountNumber', 'heirs.*.bankAccount.accountName'],
    );
    expect(masked).toEqual({
      participantId: 'p-1',
      heirs: [
        {
          fullName: 'M. B.',
          relationship: 'spouse',
          bankAccount: { bankCode: 'BRI', accountNumber: '******6789', accountName: 'M. B.' },
        },
        { fullName: 'P. B.', relationship: 'parent' },
      ],
    });
  });

  it('shows everything to enrollment officers and auditors only', () => {
    const actor = (roles: string[]) => ({ id: 'u', kind: 'user' as const, roles });
    expect(disclosureFor(actor(['enrollment-officer']))).toBe('full');
    expect(disclosureFor(actor(['auditor', 'finance']))).toBe('full');
    expect(disclosureFor(actor(['sponsor-operator']))).toBe('masked');
    expect(disclosureFor(actor(['admin']))).toBe('masked');
  });
});
