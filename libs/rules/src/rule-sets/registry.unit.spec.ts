import {
  effectivePeriod,
  RULE_SET_IDS,
  RULE_SETS,
  ruleSetById,
  ruleSetInForce,
  type Sourced,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

describe('ruleSetInForce', () => {
  it.each([
    ['2015-07-01', 'PP44-2015'],
    ['2019-12-01', 'PP44-2015'],
    ['2019-12-02', 'PP82-2019'],
    ['2025-02-06', 'PP82-2019'],
    ['2025-02-07', 'PP6-2025'],
    ['2025-02-23', 'PP6-2025'],
    ['2025-02-24', 'PERMENAKER1-2025'],
    ['2025-12-21', 'PERMENAKER1-2025'],
    ['2025-12-22', 'PP50-2025'],
    ['2027-04-01', 'PP50-2025'],
    ['2199-12-31', 'PP50-2025'],
  ])('on %s is %s', (date, id) => {
    expect(value(ruleSetInForce(date)).id).toBe(id);
  });

  it.each([
    ['2015-06-30', 'NO_RULE_SET_IN_FORCE'],
    ['1990-01-01', 'NO_RULE_SET_IN_FORCE'],
    ['2026-02-30', 'INVALID_DATE'],
    ['2025-13-01', 'INVALID_DATE'],
    ['2023-02-29', 'INVALID_DATE'],
    ['2025-1-01', 'INVALID_DATE'],
    ['2025-01-01T00:00:00Z', 'INVALID_DATE'],
    ['', 'INVALID_DATE'],
    ['1899-12-31', 'INVALID_DATE'],
  ])('on %s fails with %s', (date, code) => {
    expect(failure(ruleSetInForce(date)).code).toBe(code);
  });

  it('accepts 29 February in a leap year', () => {
    expect(value(ruleSetInForce('2024-02-29')).id).toBe('PP82-2019');
  });
});

describe('rule set data', () => {
  it('has one set per id, oldest first', () => {
    expect(RULE_SETS.map((set) => set.id)).toEqual([...RULE_SET_IDS]);
  });

  it('reports each set’s period; PP 44/2015 ends on 2019-12-01', () => {
    expect(effectivePeriod('PP44-2015')).toEqual({ from: '2015-07-01', to: '2019-12-01' });
    expect(effectivePeriod('PP82-2019')).toEqual({ from: '2019-12-02', to: '2025-02-06' });
    expect(effectivePeriod('PP50-2025')).toEqual({ from: '2025-12-22', to: null });
  });

  it('finds a set by id and rejects an unknown id', () => {
    expect(value(ruleSetById('PP82-2019')).effectiveFrom.value).toBe('2019-12-02');
    expect(failure(ruleSetById('PP99-2030')).code).toBe('UNKNOWN_RULE_SET');
  });

  it('is frozen, so no caller can change the law in memory', () => {
    const set = value(ruleSetById('PP82-2019'));
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.jkk.transportCaps.value)).toBe(true);
  });

  // Every Sourced value anywhere in every set carries a legal basis and a confidence mark, and no
  // number (amount, rate, count) sits in a set outside a Sourced value.
  function walk(node: unknown, path: string, found: Sourced<unknown>[], bare: string[]): void {
    if (typeof node === 'number') bare.push(path);
    if (typeof node !== 'object' || node === null) return;
    if ('legalBasis' in node && 'confidence' in node && 'value' in node) {
      found.push(node as Sourced<unknown>);
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`, found, bare);
  }

  it.each(RULE_SETS.map((set) => [set.id, set] as const))(
    '%s: every value has a legal basis and confidence',
    (_id, set) => {
      const found: Sourced<unknown>[] = [];
      const bare: string[] = [];
      walk(set, set.id, found, bare);
      expect(bare).toEqual([]);
      expect(found.length).toBeGreaterThanOrEqual(36);
      for (const item of found) {
        expect(item.legalBasis.trim().length).toBeGreaterThan(3);
        expect(['H', 'M', 'L']).toContain(item.confidence);
        if (item.confidence !== 'H')
          expect(item.legalBasis.length + (item.note ?? '').length).toBeGreaterThan(10);
      }
    },
  );

  it('keeps the uncertain values as marked in the reference', () => {
    const pp44 = value(ruleSetById('PP44-2015'));
    const pp82 = value(ruleSetById('PP82-2019'));
    const permenaker = value(ruleSetById('PERMENAKER1-2025'));
    expect(pp44.jkk.transportCaps.confidence).toBe('L');
    expect(pp44.jkk.stmbTiers.confidence).toBe('M');
    expect(pp82.jkk.transportCaps.confidence).toBe('H');
    expect(pp82.jkk.assistiveDeviceCaps.confidence).toBe('L');
    expect(pp82.jkk.assistiveDeviceCaps.note).toContain('PLACEHOLDER');
    expect(pp82.jkk.homeCareMaxAmount.confidence).toBe('M');
    expect(pp82.contributions.bpu.incomeBrackets.confidence).toBe('L');
    expect(pp82.contributions.bpu.jkkBasis.value).toBe('exact-declared-income');
    expect(pp82.payment.jkmWorkingDays.confidence).toBe('M');
    expect(permenaker.jkm.bpuEarlyDeath?.confidence).toBe('M');
    expect(permenaker.effectiveFrom.confidence).toBe('M');
  });

  it('changes no amount at PP 6/2025: the PU bill stays (JKP is an allocation of it, §10)', () => {
    const before = value(ruleSetById('PP82-2019'));
    const after = value(ruleSetById('PP6-2025'));
    expect(after.jkk).toBe(before.jkk);
    expect(after.jkm).toBe(before.jkm);
    expect(after.contributions).toBe(before.contributions);
    expect(after.contributions.pu.jkkRateByRiskClass.value).toEqual({
      1: 24,
      2: 54,
      3: 89,
      4: 127,
      5: 174,
    });
  });

  it('never lets an APBN or APBD payer into the PP 50/2025 discount', () => {
    for (const set of RULE_SETS) {
      const discount = set.contributions.bpu.discount;
      if (discount === null) continue;
      expect(discount.excludedPayers.value).toEqual(expect.arrayContaining(['apbn', 'apbd']));
      expect(discount.eligiblePayers.value).not.toContain('apbn');
      expect(discount.eligiblePayers.value).not.toContain('apbd');
    }
  });

  it('has STMB tiers that cover every month from 1 with no gap', () => {
    for (const set of RULE_SETS) {
      const tiers = set.jkk.stmbTiers.value;
      expect(tiers[0]?.firstMonth).toBe(1);
      tiers.forEach((tier, index) => {
        const next = tiers[index + 1];
        if (next === undefined) expect(tier.lastMonth).toBeNull();
        else expect(next.firstMonth).toBe((tier.lastMonth ?? Number.NaN) + 1);
      });
    }
  });
});

describe('the BPU declared-income ceiling', () => {
  it.each(RULE_SETS.map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    '%s has one above its floor and its brackets, marked as a product policy',
    (_id, ruleSet) => {
      const { incomeFloor, incomeCeiling, incomeBrackets } = ruleSet.contributions.bpu;
      expect(incomeCeiling.value).toBeGreaterThan(incomeFloor.value);
      for (const bracket of incomeBrackets.value) {
        expect(incomeCeiling.value).toBeGreaterThanOrEqual(bracket.fromIncome);
      }
      // The largest benefit formula multiplies the wage by 80: it must stay exact.
      expect(Number.isSafeInteger(incomeCeiling.value * 80 * 100)).toBe(true);
      expect(incomeCeiling.legalBasis).toMatch(
        /^Product policy "BPU declared-income plausibility ceiling"/,
      );
      expect(incomeCeiling.note).toContain('not law');
    },
  );
});
