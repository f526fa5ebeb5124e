import { sectorOfOccupation, TRANSPORT_OCCUPATION_WORDS } from './occupation-sector';

describe('sectorOfOccupation (PP 50/2025 transport question from free text)', () => {
  it.each([
    ['ojek', 'transport'],
    ['Pengemudi ojek online', 'transport'],
    ['SOPIR angkot', 'transport'],
    ['supir truk', 'transport'],
    ['driver ojol', 'transport'],
    ['kurir paket', 'transport'],
    ['tukang becak', 'transport'],
    ['sopir-taksi', 'transport'],
    ['nelayan', 'other'],
    ['petani', 'other'],
    ['pedagang kaki lima', 'other'],
    ['', 'other'],
    // A word that merely contains a transport word is not transport work.
    ['penjual sayur di depan angkringan', 'other'],
  ])('%j → %s', (occupation, sector) => {
    expect(sectorOfOccupation(occupation)).toBe(sector);
  });

  it('is a named policy with its basis, so a corrected list changes no code', () => {
    expect(TRANSPORT_OCCUPATION_WORDS.legalBasis).toContain('PP 50/2025');
    expect(
      sectorOfOccupation('nelayan', { ...TRANSPORT_OCCUPATION_WORDS, value: ['nelayan'] }),
    ).toBe('transport');
  });
});
