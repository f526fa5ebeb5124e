import { LookupHasher, nameTokens } from './lookup-hasher';

describe('lookup hashes for NIK and name search', () => {
  it('splits a name into folded words of two letters or more', () => {
    expect(nameTokens('Yohanes Bria-Seran')).toEqual(['yohanes', 'bria', 'seran']);
    expect(nameTokens('  ÉLISABETH  d. Ndun ')).toEqual(['elisabeth', 'ndun']);
    expect(nameTokens('Maria maria')).toEqual(['maria']);
  });

  it('hashes with the key and keeps NIKs and name words apart', () => {
    const hasher = new LookupHasher('k'.repeat(32));
    expect(hasher.nik('5371011508900001')).toEqual(hasher.nik('5371011508900001'));
    expect(hasher.nik('5371011508900001')).not.toEqual(
      new LookupHasher('j'.repeat(32)).nik('5371011508900001'),
    );
    expect(hasher.nik('bria')).not.toEqual(hasher.nameToken('bria'));
  });
});
