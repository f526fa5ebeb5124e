import type { IsoDate } from '../calendar/iso-date';
import type { Rupiah } from '../money/rupiah';
import { MINIMUM_WAGES, minimumWageInForce, type MinimumWageEntry } from './minimum-wage';

const on = (date: string) => date as IsoDate;

describe('regional minimum wage in force', () => {
  it.each([
    ['5371', '2025-06-30', 'UMP-53-2025-01-01', 2_328_969],
    ['5371', '2024-12-31', 'UMP-53-2024-01-01', 2_186_826],
    ['5304', '2025-01-01', 'UMP-53-2025-01-01', 2_328_969],
    // The last decree stays in force until the next one is added.
    ['5321', '2026-12-07', 'UMP-53-2025-01-01', 2_328_969],
  ])('regency %s on %s → %s (Rp%p)', (regency, date, id, amount) => {
    expect(minimumWageInForce(regency, on(date))).toMatchObject({ id, amount, kind: 'UMP' });
  });

  it.each([
    ['5371', '2023-12-31'],
    ['3171', '2025-06-30'],
  ])('regency %s on %s: no minimum known (not checked)', (regency, date) => {
    expect(minimumWageInForce(regency, on(date))).toBeUndefined();
  });

  it("prefers the regency's UMK over its province's UMP once one is in force", () => {
    const umk: MinimumWageEntry = {
      regionCode: '5371',
      kind: 'UMK',
      effectiveFrom: on('2025-01-01'),
      amount: 2_500_000 as Rupiah,
      legalBasis: 'test row',
      confidence: 'L',
    };
    const table = [...MINIMUM_WAGES, umk];
    expect(minimumWageInForce('5371', on('2025-03-01'), table)?.id).toBe('UMK-5371-2025-01-01');
    expect(minimumWageInForce('5371', on('2024-03-01'), table)?.id).toBe('UMP-53-2024-01-01');
    expect(minimumWageInForce('5304', on('2025-03-01'), table)?.id).toBe('UMP-53-2025-01-01');
  });

  it('names a legal basis for every row, amounts in whole rupiah', () => {
    for (const entry of MINIMUM_WAGES) {
      expect(entry.legalBasis).not.toBe('');
      expect(Number.isSafeInteger(entry.amount)).toBe(true);
    }
  });
});
