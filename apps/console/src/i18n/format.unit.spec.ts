import { formatDate, formatInstant, formatMonth, formatRupiah } from './format';

describe('formatting with Intl', () => {
  it.each([
    [1_000_000, 'Rp1.000.000'],
    [42_000_000, 'Rp42.000.000'],
    [16_800, 'Rp16.800'],
    [0, 'Rp0'],
    [-2_500, '-Rp2.500'],
  ])('writes %i rupiah as %s in both languages', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it('shows a calendar day without shifting it across time zones', () => {
    expect(formatDate('2026-11-24', 'id')).toBe('24 Nov 2026');
    expect(formatDate('2026-08-17', 'en')).toBe('17 Aug 2026');
    expect(formatMonth('2026-03', 'id')).toBe('Mar 2026');
  });

  it('shows an instant in Jakarta time, marked WIB', () => {
    // 17:30 UTC is 00:30 the next day in Jakarta (UTC+7).
    expect(formatInstant('2026-11-23T17:30:00.000Z', 'id')).toBe('24 Nov 2026, 00.30 WIB');
    expect(formatInstant('2026-11-23T17:30:00.000Z', 'en')).toBe('24 Nov 2026, 00:30 WIB');
  });
});
