import { ELIGIBILITY_POLICIES } from '@santunan/contracts';
import {
  coverage,
  facts,
  mother,
  monthsPaid,
  participant,
  son,
  widow,
} from '../__tests__/fixtures';
import type { AccidentReportFacts, ClaimFacts } from '../facts/claim-facts';
import type { ClaimUnderAssessment } from './claim-under-assessment';
import { coveredOnIncidentDate } from './covered-on-incident-date.policy';
import { assessEligibility } from './eligibility';
import { heirsResolved } from './heirs-resolved.policy';
import { incidentDateValid } from './incident-date-valid.policy';
import { jkmThreeMonthRule } from './jkm-three-month-rule.policy';
import { membershipActive } from './membership-active.policy';
import { oneDeathBenefitPerDeath } from './one-death-benefit-per-death.policy';
import type { EligibilityPolicy, PolicyInput } from './policy';
import { scholarshipRoute } from './scholarship-route.policy';
import { withinClaimExpiry } from './within-claim-expiry.policy';
import { workAccidentConfirmed } from './work-accident-confirmed.policy';

const report = (status: AccidentReportFacts['status'] = 'confirmed'): AccidentReportFacts => ({
  reportId: 'r-1',
  participantId: 'p-1',
  incidentDate: '2026-03-15',
  trafficAccident: false,
  status,
});

const stmbClaim: ClaimUnderAssessment = {
  claimId: 'claim-1',
  participantId: 'p-1',
  program: 'jkk',
  benefitType: 'jkk-temporary-incapacity',
  incidentDate: '2026-03-15',
  dateOfDeath: null,
  claimDate: '2026-04-01',
  benefits: [{ kind: 'stmb', months: 2 }],
  accidentReportId: 'r-1',
};
const jkkDeathClaim: ClaimUnderAssessment = {
  ...stmbClaim,
  benefitType: 'jkk-death',
  dateOfDeath: '2026-03-20',
  benefits: [{ kind: 'death' }],
};
const jkmClaim = (dateOfDeath: string): ClaimUnderAssessment => ({
  ...stmbClaim,
  program: 'jkm',
  benefitType: 'jkm-death',
  incidentDate: dateOfDeath,
  dateOfDeath,
  claimDate: dateOfDeath,
  benefits: [],
  accidentReportId: null,
});

const input = (
  claim: ClaimUnderAssessment,
  claimFacts: ClaimFacts = facts({ accidentReport: report() }),
  today = '2026-04-10',
): PolicyInput => ({ claim, facts: claimFacts, today, sponsorGraceMonths: 3 });

function outcome(policy: EligibilityPolicy, policyInput: PolicyInput): string {
  const result = policy(policyInput);
  return result.outcome === 'rejected' || result.outcome === 'pending'
    ? result.code
    : result.outcome;
}

describe('incident-date-valid', () => {
  it.each<[string, ClaimUnderAssessment, ClaimFacts, string]>([
    ['an incident today', { ...stmbClaim, incidentDate: '2026-04-10' }, facts(), 'allowed'],
    [
      'an incident in the future',
      { ...stmbClaim, incidentDate: '2026-04-11' },
      facts(),
      'INCIDENT_DATE_IN_FUTURE',
    ],
    [
      'a death in the future',
      { ...jkkDeathClaim, dateOfDeath: '2026-05-01' },
      facts(),
      'INCIDENT_DATE_IN_FUTURE',
    ],
    [
      'an incident before registration',
      stmbClaim,
      facts({ participant: participant({ registeredOn: '2026-03-16' }) }),
      'INCIDENT_BEFORE_REGISTRATION',
    ],
    [
      'an incident before registration but inside the PKS coverage start',
      stmbClaim,
      facts({
        participant: participant({ registeredOn: '2026-03-20' }),
        coverage: coverage({
          sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-03', toMonth: null }],
        }),
      }),
      'allowed',
    ],
  ])('%s → %s', (_label, claim, claimFacts, expected) => {
    expect(outcome(incidentDateValid, input(claim, claimFacts))).toBe(expected);
  });
});

describe('work-accident-confirmed (stage I)', () => {
  it.each<[AccidentReportFacts['status'], string]>([
    ['confirmed', 'allowed'],
    ['refuted', 'NOT_A_WORK_ACCIDENT'],
    ['reported', 'WORK_ACCIDENT_NOT_YET_DECIDED'],
  ])('a report %s → %s', (status, expected) => {
    expect(
      outcome(workAccidentConfirmed, input(stmbClaim, facts({ accidentReport: report(status) }))),
    ).toBe(expected);
  });

  it('does not concern JKM', () => {
    expect(outcome(workAccidentConfirmed, input(jkmClaim('2026-03-15')))).toBe('not-applicable');
  });
});

describe('covered-on-incident-date', () => {
  it.each<[string, ClaimFacts, string, string]>([
    ['self-paying month paid before the incident', facts(), '2026-04-10', 'allowed'],
    [
      'self-paying month paid AFTER the incident',
      facts({
        coverage: coverage({
          paidMonths: monthsPaid('2026-03', '2026-03', { kind: 'self' }, () => '2026-03-16'),
        }),
      }),
      '2026-04-10',
      'CONTRIBUTION_PAID_AFTER_INCIDENT',
    ],
    [
      'month not paid',
      facts({ coverage: coverage({ paidMonths: [] }) }),
      '2026-04-10',
      'INCIDENT_MONTH_NOT_PAID',
    ],
    [
      'sponsored month not yet paid, within the grace',
      facts({
        coverage: coverage({
          paidMonths: [],
          sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: '2026-12' }],
        }),
      }),
      '2026-06-30',
      'PENDING_CONTRIBUTION',
    ],
    [
      'sponsored month not paid when the grace ended',
      facts({
        coverage: coverage({
          paidMonths: [],
          sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: '2026-12' }],
        }),
      }),
      '2026-07-01',
      'SPONSOR_CONTRIBUTION_NOT_PAID_IN_GRACE',
    ],
  ])('%s → %s', (_label, claimFacts, today, expected) => {
    expect(outcome(coveredOnIncidentDate, input(stmbClaim, claimFacts, today))).toBe(expected);
  });

  it('names the payment that covers the month', () => {
    expect(coveredOnIncidentDate(input(stmbClaim))).toMatchObject({
      outcome: 'allowed',
      details: { month: '2026-03', paidOn: '2026-03-10', reference: 'pay-2026-03' },
    });
  });
});

describe('membership-active', () => {
  it.each<[string, ClaimFacts['coverage']['lapses'], string]>([
    ['no lapse', [], 'allowed'],
    [
      'lapsed before the incident',
      [{ lapsedFrom: '2025-11-01', reinstatedOn: null, cause: 'self-paying-arrears' }],
      'MEMBERSHIP_LAPSED',
    ],
    [
      'lapsed on the incident day',
      [{ lapsedFrom: '2026-03-15', reinstatedOn: null, cause: 'self-paying-arrears' }],
      'MEMBERSHIP_LAPSED',
    ],
    [
      'lapsed after the incident',
      [{ lapsedFrom: '2026-03-16', reinstatedOn: null, cause: 'sponsor-arrears' }],
      'allowed',
    ],
    [
      'reinstated before the incident',
      [{ lapsedFrom: '2025-11-01', reinstatedOn: '2026-03-01', cause: 'sponsor-arrears' }],
      'allowed',
    ],
    [
      'reinstated after the incident',
      [{ lapsedFrom: '2025-11-01', reinstatedOn: '2026-03-16', cause: 'sponsor-arrears' }],
      'MEMBERSHIP_LAPSED',
    ],
  ])('%s → %s', (_label, lapses, expected) => {
    expect(
      outcome(membershipActive, input(stmbClaim, facts({ coverage: coverage({ lapses }) }))),
    ).toBe(expected);
  });
});

describe('within-claim-expiry (5 years; 2 before PP 82/2019)', () => {
  const jkk = (incidentDate: string, claimDate: string): ClaimUnderAssessment => ({
    ...stmbClaim,
    incidentDate,
    claimDate,
  });
  it.each<[string, string, string]>([
    ['2020-03-10', '2025-03-10', 'allowed'],
    ['2020-03-10', '2025-03-11', 'CLAIM_EXPIRED'],
    ['2019-06-15', '2021-06-15', 'allowed'],
    ['2019-06-15', '2021-06-16', 'CLAIM_EXPIRED'],
    ['2019-12-02', '2024-12-02', 'allowed'],
  ])('an accident on %s claimed on %s → %s', (incidentDate, claimDate, expected) => {
    expect(outcome(withinClaimExpiry, input(jkk(incidentDate, claimDate)))).toBe(expected);
  });

  it('names the last claim date and the rule set', () => {
    expect(withinClaimExpiry(input(jkk('2019-06-15', '2021-06-16')))).toMatchObject({
      code: 'CLAIM_EXPIRED',
      details: { lastClaimDate: '2021-06-15', ruleSetId: 'PP44-2015' },
    });
  });

  it('gives JKM no expiry', () => {
    expect(
      outcome(withinClaimExpiry, input({ ...jkmClaim('2020-01-10'), claimDate: '2026-01-01' })),
    ).toBe('not-applicable');
  });
});

describe('one-death-benefit-per-death (product decision 6)', () => {
  const register = (claimId: string, program: 'jkk' | 'jkm') =>
    facts({
      deathRegister: {
        dateOfDeath: '2026-03-20',
        benefitClaimedBy: { claimId, program, claimedOn: '2026-03-25' },
      },
    });

  it('allows the claim holding the death benefit', () => {
    expect(outcome(oneDeathBenefitPerDeath, input(jkkDeathClaim, register('claim-1', 'jkk')))).toBe(
      'allowed',
    );
  });

  it('rejects a second claim for the same death, naming the first (JKK then JKM)', () => {
    const second = { ...jkmClaim('2026-03-20'), claimId: 'claim-2' };
    const result = oneDeathBenefitPerDeath(input(second, register('claim-1', 'jkk')));
    expect(result).toMatchObject({
      outcome: 'rejected',
      code: 'DEATH_BENEFIT_ALREADY_CLAIMED',
      details: { firstClaimId: 'claim-1', firstClaimProgram: 'jkk' },
    });
    expect(result.message).toContain('claim-1');
  });

  it('does not concern a claim without a death', () => {
    expect(outcome(oneDeathBenefitPerDeath, input(stmbClaim))).toBe('not-applicable');
  });
});

describe('jkm-three-month-rule (an amount rule, never a rejection)', () => {
  const firstPaidMay = facts({
    coverage: coverage({ paidMonths: monthsPaid('2025-05', '2025-12') }),
  });
  it.each<[string, string, boolean]>([
    ['death in membership month 2', '2025-06-20', true],
    ['death in membership month 3', '2025-07-20', true],
    ['death in membership month 4', '2025-08-20', false],
  ])('%s: early-death amount applies = %p', (_label, deathDate, applies) => {
    expect(jkmThreeMonthRule(input(jkmClaim(deathDate), firstPaidMay, '2025-12-31'))).toMatchObject(
      {
        outcome: 'allowed',
        details: { earlyDeathAmountApplies: applies },
      },
    );
  });

  it.each<[string, ClaimUnderAssessment, ClaimFacts]>([
    ['a JKK death', jkkDeathClaim, facts()],
    ['a PU death', jkmClaim('2025-06-20'), facts({ participant: participant({ segment: 'pu' }) })],
  ])('does not concern %s', (_label, claim, claimFacts) => {
    expect(outcome(jkmThreeMonthRule, input(claim, claimFacts, '2025-12-31'))).toBe(
      'not-applicable',
    );
  });
});

describe('scholarship-route (JKM needs masa iur ≥ 36 months; JKK death/CTT none)', () => {
  const paidFor = (months: number) =>
    facts({
      coverage: coverage({
        paidMonths: monthsPaid('2023-01', '2026-12').slice(0, months),
        firstPaidMonth: '2023-01',
      }),
    });
  it.each<[number, string, string | null]>([
    [35, 'none', 'MASA_IUR_TOO_SHORT'],
    [36, 'yearly-by-level', null],
  ])('JKM with %i months of masa iur → %s', (months, entitlement, reason) => {
    const deathDate = '2026-01-20';
    expect(
      scholarshipRoute(input(jkmClaim(deathDate), paidFor(months), '2026-02-01')),
    ).toMatchObject({
      outcome: 'allowed',
      details: { route: 'jkm-death', entitlement, reason, masaIurMonths: months },
    });
  });

  it('JKK death: yearly scholarships without a masa iur minimum', () => {
    expect(scholarshipRoute(input(jkkDeathClaim, paidFor(2)))).toMatchObject({
      details: { route: 'jkk-death', entitlement: 'yearly-by-level' },
    });
  });

  it('before PP 82/2019: one flat scholarship', () => {
    const claim = {
      ...jkkDeathClaim,
      incidentDate: '2019-06-15',
      dateOfDeath: '2019-06-15',
      claimDate: '2019-07-01',
    };
    expect(scholarshipRoute(input(claim, facts(), '2019-07-01'))).toMatchObject({
      details: { entitlement: 'flat-once' },
    });
  });

  it('STMB opens no scholarship', () => {
    expect(outcome(scholarshipRoute, input(stmbClaim))).toBe('not-applicable');
  });
});

describe('heirs-resolved (tiers 1–5, then the no-heir rule)', () => {
  it.each<[string, ClaimFacts['heirs'], Record<string, unknown>]>([
    [
      'a widow and a son: tier 1, the widow is payee',
      { heirs: [widow, son, mother], consentsGivenBy: ['h-son'] },
      { tier: 1, payeeHeirId: 'h-widow', payeeStatus: 'ready' },
    ],
    ['a mother only: tier 2', { heirs: [mother] }, { tier: 2, payeeHeirId: 'h-mother' }],
    [
      'consent missing from the son',
      { heirs: [widow, son] },
      { tier: 1, payeeStatus: 'awaiting-consent', consentMissingFrom: ['h-son'] },
    ],
    [
      'nobody: funeral to the burial arranger',
      { heirs: [], burialArrangedBy: { arrangerId: 'kades', fullName: 'Kepala Desa' } },
      { tier: 6, funeralPayeeId: 'kades', otherBenefitsTo: 'social-security-fund' },
    ],
  ])('%s', (_label, heirs, details) => {
    expect(heirsResolved(input(jkkDeathClaim, facts({ heirs })))).toMatchObject({
      outcome: 'allowed',
      details,
    });
  });

  it('keeps heir names out of the (unencrypted) eligibility record', () => {
    const result = heirsResolved(input(jkkDeathClaim, facts({ heirs: { heirs: [widow, son] } })));
    expect(JSON.stringify(result)).not.toContain('Maria');
  });
});

describe('the eligibility assessment', () => {
  it('runs every policy in the fixed order and keeps every result', () => {
    const assessment = assessEligibility(input(stmbClaim));
    expect(assessment.checks.map((check) => check.policy)).toEqual([...ELIGIBILITY_POLICIES]);
    expect(assessment.outcome).toEqual({ kind: 'eligible' });
  });

  it('collects all the reasons, not just the first', () => {
    const lapsed = facts({
      accidentReport: report(),
      coverage: coverage({
        paidMonths: [],
        lapses: [{ lapsedFrom: '2025-12-01', reinstatedOn: null, cause: 'self-paying-arrears' }],
      }),
    });
    const assessment = assessEligibility(
      input({ ...stmbClaim, claimDate: '2031-03-16' }, lapsed, '2031-03-16'),
    );
    expect(assessment.outcome).toMatchObject({
      kind: 'ineligible',
      reasons: [
        { code: 'INCIDENT_MONTH_NOT_PAID' },
        { code: 'MEMBERSHIP_LAPSED' },
        { code: 'CLAIM_EXPIRED' },
      ],
    });
    expect(assessment.checks).toHaveLength(ELIGIBILITY_POLICIES.length);
  });

  it('holds a claim whose sponsored month is not yet paid', () => {
    const waiting = facts({
      accidentReport: report(),
      coverage: coverage({
        paidMonths: [],
        sponsorships: [{ programId: 'ntt-2026', fromMonth: '2026-01', toMonth: null }],
      }),
    });
    expect(assessEligibility(input(stmbClaim, waiting)).outcome).toEqual({
      kind: 'pending-contribution',
      month: '2026-03',
      programId: 'ntt-2026',
      graceEndsOn: '2026-06-30',
    });
  });

  it('waits for the stage I decision, but a rejection wins over waiting', () => {
    const undecided = facts({ accidentReport: report('reported') });
    expect(assessEligibility(input(stmbClaim, undecided)).outcome.kind).toBe(
      'awaiting-work-accident-decision',
    );
    expect(
      assessEligibility(input({ ...stmbClaim, incidentDate: '2026-05-01' }, undecided)).outcome
        .kind,
    ).toBe('ineligible');
  });
});
