import { coverageMonths, monthsOf, paidAtOf, percentRead, rupiahInput } from './program-terms';

describe('program terms as typed', () => {
  it.each([
    ['10080000000', 10_080_000_000],
    ['10.080.000.000', 10_080_000_000],
    ['10,080,000,000', 10_080_000_000],
    ['Rp10.080.000.000', 10_080_000_000],
    ['Rp 16.800', 16_800],
    [' 201600 ', 201_600],
  ])('reads %j as whole rupiah', (typed, rupiah) => {
    expect(rupiahInput(typed)).toBe(rupiah);
  });

  it.each([['12,5'], ['1.5'], ['sepuluh juta'], ['-100'], ['99999999999999999999']])(
    'passes %j on as typed, for the service to name what is wrong',
    (typed) => {
      expect(rupiahInput(typed)).toBe(typed.trim());
    },
  );

  it('reads an empty field as absent', () => {
    expect(rupiahInput('')).toBeUndefined();
    expect(rupiahInput('   ')).toBeUndefined();
    expect(rupiahInput(undefined)).toBeUndefined();
  });

  it('counts coverage months inclusively, across a year end', () => {
    expect(coverageMonths('2026-01', '2026-12')).toBe(12);
    expect(coverageMonths('2026-12', '2027-11')).toBe(12);
    expect(coverageMonths('2026-05', '2026-05')).toBe(1);
    expect(coverageMonths('2026-05', '2026-04')).toBe(0);
    expect(coverageMonths('2026-13', '2027-01')).toBe(0);
    expect(monthsOf('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('records a payment at the start of its business day in Jakarta', () => {
    expect(paidAtOf('2026-12-15')).toBe('2026-12-15T00:00:00+07:00');
    expect(paidAtOf('15/12/2026')).toBe('15/12/2026');
  });

  it('shows progress as a whole percentage, never past 100', () => {
    expect(percentRead(0, 0)).toBe(0);
    expect(percentRead(1, 3)).toBe(33);
    expect(percentRead(3, 3)).toBe(100);
    expect(percentRead(4, 3)).toBe(100);
  });
});
