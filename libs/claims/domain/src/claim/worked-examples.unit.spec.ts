import { recompute, verifyExplanation } from '@santunan/rules';
import {
  BPU_JKK_DEATH,
  decideScenario,
  PRE_PP82_JKK_DEATH,
  type Scenario,
} from '../__tests__/end-to-end';
import { account, WEEKDAY_CALENDAR } from '../__tests__/fixtures';

// The worked examples of the rules reference (shared/domain/jkk-jkm-rules.md), end to end
// through the claim decider: stage I, the death register, documents, maker and checker.

const amounts = (components: readonly { code: string; amount: number }[]) =>
  Object.fromEntries(components.map((component) => [component.code, component.amount]));

describe('worked examples, end to end through the claim decider', () => {
  it.each<{
    name: string;
    scenario: Scenario;
    ruleSetId: string;
    components: Record<string, number>;
    total: number;
    scholarship: string;
  }>([
    {
      name: 'BPU at Rp1,000,000 dies in a work accident: Rp70,000,000 + scholarship entitlement',
      scenario: BPU_JKK_DEATH,
      ruleSetId: 'PERMENAKER1-2025',
      components: {
        JKK_DEATH_LUMP_SUM: 48_000_000,
        JKK_DEATH_PERIODIC: 12_000_000,
        JKK_FUNERAL: 10_000_000,
      },
      total: 70_000_000,
      scholarship: 'yearly-by-level',
    },
    {
      name: 'CTT at Rp1,000,000: Rp68,000,000',
      scenario: {
        program: 'jkk',
        segment: 'bpu',
        wage: 1_000_000,
        incidentDate: '2025-08-12',
        lodgedOn: '2025-10-01',
        firstPaidMonth: '2022-01',
        benefits: [{ kind: 'total-permanent-disability' }],
      },
      ruleSetId: 'PERMENAKER1-2025',
      components: { JKK_CTT_LUMP_SUM: 56_000_000, JKK_CTT_PERIODIC: 12_000_000 },
      total: 68_000_000,
      scholarship: 'yearly-by-level',
    },
    {
      name: 'STMB for 15 months at Rp1,000,000: Rp13,500,000',
      scenario: {
        program: 'jkk',
        segment: 'bpu',
        wage: 1_000_000,
        incidentDate: '2025-01-10',
        lodgedOn: '2026-05-04',
        firstPaidMonth: '2022-01',
        benefits: [{ kind: 'stmb', months: 15 }],
      },
      ruleSetId: 'PP37-2021',
      components: { JKK_STMB: 13_500_000 },
      total: 13_500_000,
      scholarship: 'not-applicable',
    },
    {
      name: 'JKM death: Rp42,000,000 (masa iur 44 months: yearly scholarships)',
      scenario: {
        program: 'jkm',
        segment: 'bpu',
        wage: 1_000_000,
        incidentDate: '2025-08-12',
        lodgedOn: '2025-08-20',
        firstPaidMonth: '2022-01',
      },
      ruleSetId: 'PERMENAKER1-2025',
      components: { JKM_LUMP_SUM: 20_000_000, JKM_PERIODIC: 12_000_000, JKM_FUNERAL: 10_000_000 },
      total: 42_000_000,
      scholarship: 'yearly-by-level',
    },
    {
      name: 'BPU JKM death in the first 3 months (first paid May, death in June): Rp10,000,000 only',
      scenario: {
        program: 'jkm',
        segment: 'bpu',
        wage: 1_000_000,
        incidentDate: '2025-06-20',
        lodgedOn: '2025-06-30',
        firstPaidMonth: '2025-05',
      },
      ruleSetId: 'PERMENAKER1-2025',
      components: { JKM_BPU_EARLY_DEATH: 10_000_000 },
      total: 10_000_000,
      scholarship: 'none',
    },
    {
      name: 'pre-PP 82/2019 JKK death: 48 × 4,000,000 + 4,800,000 + 3,000,000 + flat 12,000,000 scholarship',
      scenario: PRE_PP82_JKK_DEATH,
      ruleSetId: 'PP44-2015',
      components: {
        JKK_DEATH_LUMP_SUM: 192_000_000,
        JKK_DEATH_PERIODIC: 4_800_000,
        JKK_FUNERAL: 3_000_000,
        SCHOLARSHIP_FLAT: 12_000_000,
      },
      total: 211_800_000,
      scholarship: 'flat-once',
    },
    {
      name: 'pre-PP 82/2019 JKM death with 5 years of masa iur: 16,200,000 + 4,800,000 + 3,000,000 + flat 12,000,000',
      scenario: {
        program: 'jkm',
        segment: 'pu',
        wage: 4_000_000,
        incidentDate: '2019-06-15',
        lodgedOn: '2019-07-01',
        firstPaidMonth: '2014-01',
        calendar: WEEKDAY_CALENDAR,
        scholarshipAccount: {
          holder: 'guardian',
          childId: 'c-1',
          fullName: 'Maria Bria',
          bankAccount: account('Maria Bria', '0777'),
        },
      },
      ruleSetId: 'PP44-2015',
      components: {
        JKM_LUMP_SUM: 16_200_000,
        JKM_PERIODIC: 4_800_000,
        JKM_FUNERAL: 3_000_000,
        SCHOLARSHIP_FLAT: 12_000_000,
      },
      total: 36_000_000,
      scholarship: 'flat-once',
    },
  ])('$name', ({ scenario, ruleSetId, components, total, scholarship }) => {
    const { approved } = decideScenario(scenario);
    expect(approved.ruleSetId).toBe(ruleSetId);
    expect(amounts(approved.explanation.components)).toEqual(components);
    expect(approved.total).toBe(total);
    expect(approved.scholarship.kind).toBe(scholarship);
    // The decision event alone recomputes to the approved amount.
    const recomputed = recompute(approved.explanation);
    expect(recomputed.ok && recomputed.value.total).toBe(approved.total);
    const check = verifyExplanation(approved.explanation);
    expect(check.ok && check.value.kind).toBe('match');
    // Every rupiah is either disbursed or retained by the fund.
    const paid = approved.payment.disbursements.reduce((sum, d) => sum + d.amount, 0);
    expect(paid + (approved.payment.retainedByFund?.amount ?? 0)).toBe(total);
  });

  it('a JKK death decision carries everything payouts and an auditor need', () => {
    const { approved } = decideScenario(BPU_JKK_DEATH);
    expect(approved).toMatchObject({
      claimId: 'claim-1',
      participantId: 'p-1',
      program: 'jkk',
      benefitType: 'jkk-death',
      approval: { mode: 'maker-checker', makerId: 'officer-1', checkerId: 'supervisor-1' },
      sla: { documentsCompletedOn: '2025-08-20', workingDays: 7, dueDate: '2025-08-29' },
      inputs: {
        incidentDate: '2025-08-12',
        dateOfDeath: '2025-08-12',
        claimDate: '2025-08-20',
        segment: 'bpu',
        declaredIncome: 1_000_000,
        declaredIncomeEffectiveFrom: '2022-01',
        firstPaidMonth: '2022-01',
        masaIurMonths: 44,
        heirTier: 1,
        heirs: [
          {
            heirId: 'h-widow',
            fullName: 'Maria Bria',
            relationship: 'spouse',
            birthDate: '1988-03-01',
          },
          {
            heirId: 'h-son',
            fullName: 'Paulus Bria',
            relationship: 'child',
            birthDate: '2012-07-01',
          },
        ],
      },
      scholarship: {
        kind: 'yearly-by-level',
        route: 'jkk-death',
        maxChildren: 2,
        perChildMax: 87_000_000,
      },
    });
    expect(approved.inputs.monthsPaid).toHaveLength(44);
    expect(approved.payment.disbursements).toEqual([
      {
        payee: {
          kind: 'heir',
          heirId: 'h-widow',
          fullName: 'Maria Bria',
          relationship: 'spouse',
          tier: 1,
          basis: 'default-order',
          needsGuardian: false,
          consentsGivenBy: ['h-son'],
          bankAccount: { bankCode: 'BRI', accountNumber: '0001', accountName: 'Maria Bria' },
        },
        components: [
          { code: 'JKK_DEATH_LUMP_SUM', amount: 48_000_000 },
          { code: 'JKK_DEATH_PERIODIC', amount: 12_000_000 },
          { code: 'JKK_FUNERAL', amount: 10_000_000 },
        ],
        amount: 70_000_000,
      },
    ]);
    expect(approved.checks.map((check) => [check.policy, check.outcome])).toEqual([
      ['incident-date-valid', 'allowed'],
      ['work-accident-confirmed', 'allowed'],
      ['covered-on-incident-date', 'allowed'],
      ['membership-active', 'allowed'],
      ['within-claim-expiry', 'allowed'],
      ['one-death-benefit-per-death', 'allowed'],
      ['jkm-three-month-rule', 'not-applicable'],
      ['scholarship-route', 'allowed'],
      ['heirs-resolved', 'allowed'],
    ]);
  });

  it('the flat PP 44/2015 scholarship goes to the guardian’s account, the cash to the widow', () => {
    const { approved } = decideScenario(PRE_PP82_JKK_DEATH);
    expect(approved.payment.disbursements.map((d) => [d.payee.kind, d.amount])).toEqual([
      ['heir', 199_800_000],
      ['scholarship-account', 12_000_000],
    ]);
  });
});
