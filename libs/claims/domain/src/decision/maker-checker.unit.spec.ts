import { checkerRequirement, isValidThreshold, sameActor } from './maker-checker';

describe('maker–checker', () => {
  it.each<[string, Parameters<typeof checkerRequirement>[0]['benefitType'], number, boolean]>([
    ['a small reimbursement', 'jkk-care-and-reimbursement', 9_999_999, false],
    ['a reimbursement at the threshold', 'jkk-care-and-reimbursement', 10_000_000, true],
    ['STMB of 13,500,000', 'jkk-temporary-incapacity', 13_500_000, true],
    ['a JKM death of any amount', 'jkm-death', 1, true],
    ['a JKK death', 'jkk-death', 70_000_000, true],
    ['a CTT', 'jkk-total-permanent-disability', 68_000_000, true],
    ['a scholarship instalment of 3,000,000', 'scholarship-instalment', 3_000_000, false],
    ['a PT scholarship instalment of 12,000,000', 'scholarship-instalment', 12_000_000, true],
  ])('%s needs a checker: %p', (_label, benefitType, total, required) => {
    expect(checkerRequirement({ benefitType, total, threshold: 10_000_000 }).required).toBe(
      required,
    );
  });

  it('uses the threshold passed in', () => {
    expect(
      checkerRequirement({
        benefitType: 'jkk-temporary-incapacity',
        total: 13_500_000,
        threshold: 20_000_000,
      }).required,
    ).toBe(false);
    expect(isValidThreshold(10_000_000)).toBe(true);
    expect(isValidThreshold(0)).toBe(false);
    expect(isValidThreshold(1.5)).toBe(false);
  });

  it('compares actor ids, not roles', () => {
    expect(sameActor('officer-1', 'officer-1')).toBe(true);
    expect(sameActor('officer-1', 'supervisor-1')).toBe(false);
  });
});
