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
    ['2020-08-31', 'PP82-2019'],
    ['2020-09-01', 'PP49-2020'],
    ['2021-02-01', 'PP49-2020'],
    ['2021-02-02', 'PP37-2021'],
    ['2025-02-06', 'PP37-2021'],
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
    expect(value(ruleSetInForce('2024-02-29')).id).toBe('PP37-2021');
  });
});

describe('rule set data', () => {
  it('has one set per id, oldest first', () => {
    expect(RULE_SETS.map((set) => set.id)).toEqual([...RULE_SET_IDS]);
    expect(RULE_SET_IDS).toEqual([
      'PP44-2015',
      'PP82-2019',
      'PP49-2020',
      'PP37-2021',
      'PP6-2025',
      'PERMENAKER1-2025',
      'PP50-2025',
    ]);
  });

  it('reports each set’s period; PP 44/2015 ends on 2019-12-01', () => {
    expect(effectivePeriod('PP44-2015')).toEqual({ from: '2015-07-01', to: '2019-12-01' });
    expect(effectivePeriod('PP82-2019')).toEqual({ from: '2019-12-02', to: '2020-08-31' });
    expect(effectivePeriod('PP49-2020')).toEqual({ from: '2020-09-01', to: '2021-02-01' });
    expect(effectivePeriod('PP37-2021')).toEqual({ from: '2021-02-02', to: '2025-02-06' });
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

  it('changes no benefit and no employer rate from PP 82/2019 to PP 6/2025: JKP only splits the PU bill (§10)', () => {
    const pp82 = value(ruleSetById('PP82-2019'));
    const sets = ['PP49-2020', 'PP37-2021', 'PP6-2025'].map((id) => value(ruleSetById(id)));
    for (const set of sets) {
      expect(set.jkk).toBe(pp82.jkk);
      expect(set.jkm).toBe(pp82.jkm);
      expect(set.scholarship).toBe(pp82.scholarship);
      expect(set.contributions.bpu).toBe(pp82.contributions.bpu);
      expect(set.contributions.pu.jkkRateByRiskClass).toBe(
        pp82.contributions.pu.jkkRateByRiskClass,
      );
      expect(set.contributions.pu.jkmRate).toBe(pp82.contributions.pu.jkmRate);
    }
    expect(pp82.contributions.pu.jkkRateByRiskClass.value).toEqual({
      1: 24,
      2: 54,
      3: 89,
      4: 127,
      5: 174,
    });
    expect(pp82.contributions.pu.jkmRate.value).toBe(30);
  });

  it('allocates 0.14% (JKK) + 0.10% (JKM) to JKP under PP 37/2021 and 0.14% + 0 from PP 6/2025', () => {
    const shares = RULE_SETS.map((set) => {
      const allocation = set.contributions.pu.jkpAllocation;
      return [
        set.id,
        allocation === null
          ? null
          : [allocation.fromJkk.value, allocation.fromJkm.value, allocation.wageCap.value],
      ];
    });
    expect(shares).toEqual([
      ['PP44-2015', null],
      ['PP82-2019', null],
      ['PP49-2020', null],
      ['PP37-2021', [14, 10, 5_000_000]],
      ['PP6-2025', [14, 0, 5_000_000]],
      ['PERMENAKER1-2025', [14, 0, 5_000_000]],
      ['PP50-2025', [14, 0, 5_000_000]],
    ]);
    const pp37 = value(ruleSetById('PP37-2021')).contributions.pu.jkpAllocation;
    expect(pp37?.wageCap.confidence).toBe('M');
    expect(pp37?.wageCap.legalBasis).toMatch(
      /^Product policy "JKP recomposition on the JKP wage cap"/,
    );
    expect(pp37?.notForEmployersInArrears.confidence).toBe('M');
    expect(pp37?.fromJkk.note).toContain('2021-03');
    expect(pp37?.fromJkm.note).toContain('2025-03');
  });

  it('carries the PP 49/2020 relief in the PP49-2020 set only, as a window of contribution months', () => {
    const carriers = RULE_SETS.filter((set) => set.contributions.pu.relief !== null);
    expect(carriers.map((set) => set.id)).toEqual(['PP49-2020']);
    const pp49 = carriers[0];
    expect(pp49?.effectiveFrom).toMatchObject({ value: '2020-09-01', confidence: 'M' });
    expect(pp49?.contributions.pu.relief).toMatchObject({
      firstMonth: { value: '2020-08' },
      lastMonth: { value: '2021-01' },
      payableShare: { value: 100 },
      dueDate: { value: { dayOfMonth: 30, monthOffset: 1, rollForwardToWorkingDay: true } },
      lateFeePerMonth: { value: 50 },
      paidThrough: { value: '2020-07' },
    });
  });

  it('charges a late fee of 2% a month on PU arrears in every set, part months by a named policy', () => {
    for (const set of RULE_SETS) {
      expect(set.contributions.pu.lateFeePerMonth).toMatchObject({ value: 200, confidence: 'H' });
      expect(set.contributions.pu.lateFeePartMonths).toMatchObject({
        value: 'started-month-counts-whole',
        confidence: 'M',
      });
      expect(set.contributions.pu.lateFeePartMonths.legalBasis).toMatch(
        /^Product policy "late-fee part months"/,
      );
    }
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
