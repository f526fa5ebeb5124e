import { benefitPayoutId, compensationPayoutId, uuidV5 } from './payout-ids';

describe('payout ids', () => {
  it('are RFC 9562 version-5 UUIDs (the example of Python’s uuid.uuid5)', () => {
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('python.org', dns)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('are stable and distinct per decision and beneficiary; compensation has its own', () => {
    const id = benefitPayoutId('d-1', 'heir:h-widow');
    expect(id).toBe(benefitPayoutId('d-1', 'heir:h-widow'));
    expect(id).not.toBe(benefitPayoutId('d-2', 'heir:h-widow'));
    expect(id).not.toBe(benefitPayoutId('d-1', 'heir:h-son'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(compensationPayoutId(id)).not.toBe(id);
    expect(compensationPayoutId(id)).toBe(compensationPayoutId(id));
  });
});
