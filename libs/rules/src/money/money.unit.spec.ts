import { formatBasisPoints, formatRupiah, parsePercentage, parseRupiah } from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';
import { floorToRupiah, halfUpToRupiah, ratio } from './exact';

describe('rupiah', () => {
  it.each([
    [-1, 'NEGATIVE_AMOUNT'],
    [-0.5, 'NEGATIVE_AMOUNT'],
    [1000.5, 'FRACTIONAL_AMOUNT'],
    [0.1, 'FRACTIONAL_AMOUNT'],
    [Number.NaN, 'INVALID_AMOUNT'],
    [Number.POSITIVE_INFINITY, 'INVALID_AMOUNT'],
    [Number.MAX_SAFE_INTEGER + 1, 'AMOUNT_TOO_LARGE'],
    ['1000000', 'INVALID_AMOUNT'],
  ])('rejects %p with %s', (amount, code) => {
    expect(failure(parseRupiah(amount, 'amount')).code).toBe(code);
  });

  it('accepts zero and whole amounts up to the safe integer limit', () => {
    expect(value(parseRupiah(0, 'amount'))).toBe(0);
    expect(value(parseRupiah(Number.MAX_SAFE_INTEGER, 'amount'))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('formats as the reference does', () => {
    expect(formatRupiah(10_080_000_000)).toBe('Rp10,080,000,000');
    expect(formatRupiah(6_800)).toBe('Rp6,800');
    expect(formatRupiah(0)).toBe('Rp0');
  });
});

describe('percentages', () => {
  it.each([
    [0, 0],
    [100, 10_000],
    [12.5, 1_250],
    [0.24, 24],
    [33.33, 3_333],
  ])('%p%% is %p basis points', (percent, bp) => {
    expect(value(parsePercentage(percent, 'p'))).toBe(bp);
  });

  it.each([-0.01, 100.01, 150, 12.345, Number.NaN])('rejects %p', (percent) => {
    expect(failure(parsePercentage(percent, 'p')).code).toBe('INVALID_PERCENTAGE');
  });

  it('formats basis points', () => {
    expect(formatBasisPoints(24)).toBe('0.24%');
    expect(formatBasisPoints(30)).toBe('0.3%');
    expect(formatBasisPoints(5_000)).toBe('50%');
    expect(formatBasisPoints(127)).toBe('1.27%');
  });
});

describe('rounding rules', () => {
  it.each([
    [ratio(5, 2), 2, 3],
    [ratio(7, 2), 3, 4],
    [ratio(12_345_67, 100), 12_345, 12_346],
    [ratio(12_345_49, 100), 12_345, 12_345],
    [ratio(10, 1), 10, 10],
  ])(
    '%p floors to %p (benefits) and rounds half up to %p (contributions)',
    (exact, floor, halfUp) => {
      expect(value(floorToRupiah(exact, 'x'))).toBe(floor);
      expect(value(halfUpToRupiah(exact, 'x'))).toBe(halfUp);
    },
  );
});
