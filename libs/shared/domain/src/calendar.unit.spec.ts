import { addMonths, isIsoDate, isIsoMonth, monthOf, monthsBetween } from './calendar';

describe('calendar values', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('isIsoDate(%p) is %p', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', 14, '2028-01'],
    ['2026-03', 0, '2026-03'],
  ])('addMonths(%p, %p) = %p', (month, count, expected) =>
    expect(addMonths(month, count)).toBe(expected),
  );

  it('counts months between, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
    expect(monthOf('2026-07-15')).toBe('2026-07');
    expect(isIsoMonth('2026-00')).toBe(false);
  });
});
