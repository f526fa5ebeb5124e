// Approved decisions as the claims domain decides them (its own test scenario), with fresh ids
// so each test's payout ids are its own.
import { randomUUID } from 'node:crypto';
import type { ClaimApproved, ScholarshipInstalmentApproved } from '@santunan/contracts';
import { decideScenario } from '@santunan/claims-domain/testing';

/** A BPU worker in Kupang dies (JKM): Rp42,000,000 to the widow, due 2026-03-23. */
const JKM_DEATH = decideScenario({
  program: 'jkm',
  segment: 'bpu',
  wage: 1_000_000,
  incidentDate: '2026-03-10',
  lodgedOn: '2026-03-16',
  firstPaidMonth: '2022-01',
}).approved;

export interface DecisionIds {
  readonly decisionId: string;
  readonly claimId: string;
  readonly participantId: string;
}

export const freshIds = (): DecisionIds => ({
  decisionId: randomUUID(),
  claimId: randomUUID(),
  participantId: randomUUID(),
});

/** The JKM death decision, paid to the widow alone. */
export function jkmDeathApproved(ids: DecisionIds = freshIds()): ClaimApproved {
  return { ...JKM_DEATH, ...ids };
}

/**
 * The same decision shared between two heirs (widow: lump sum and periodic benefit; son:
 * funeral), to see one order per beneficiary. Amounts still add up to Rp42,000,000.
 */
export function jkmDeathToTwoHeirs(ids: DecisionIds = freshIds(), widowExtra = 0): ClaimApproved {
  const approved = jkmDeathApproved(ids);
  const [toWidow] = approved.payment.disbursements;
  if (toWidow === undefined || toWidow.payee.kind !== 'heir') throw new Error('scenario changed');
  const funeral = toWidow.components.find((c) => c.code === 'JKM_FUNERAL');
  const rest = toWidow.components.filter((c) => c.code !== 'JKM_FUNERAL');
  if (funeral === undefined) throw new Error('scenario changed');
  const widowComponents =
    widowExtra === 0 ? rest : [...rest, { code: 'JKM_PERIODIC_CORRECTION', amount: widowExtra }];
  const widowAmount = widowComponents.reduce((sum, c) => sum + c.amount, 0);
  return {
    ...approved,
    total: widowAmount + funeral.amount,
    payment: {
      retainedByFund: null,
      disbursements: [
        { ...toWidow, components: widowComponents, amount: widowAmount },
        {
          payee: {
            ...toWidow.payee,
            heirId: 'h-son',
            fullName: 'Paulus Bria',
            relationship: 'child',
            consentsGivenBy: ['h-widow'],
            bankAccount: {
              bankCode: 'BNI',
              accountNumber: '7700112233',
              accountName: 'Paulus Bria',
            },
          },
          components: [funeral],
          amount: funeral.amount,
        },
      ],
    },
  };
}

/** A TK–SD year (Rp1,500,000) for a child, into the guardian's account. */
export function scholarshipInstalmentApproved(
  ids: DecisionIds = freshIds(),
): ScholarshipInstalmentApproved {
  return {
    entitlementId: randomUUID(),
    participantId: ids.participantId,
    claimId: ids.claimId,
    applicationId: ids.decisionId,
    childId: 'c-2',
    applicationDate: '2026-07-20',
    scholarshipYear: '2026/2027',
    level: 'TK-SD',
    enrolment: { schoolName: 'SD Inpres Oebobo', evidenceReference: 'dms/enrolment-c-2' },
    documents: [{ code: 'school-enrolment-letter', reference: 'dms/enrolment-c-2' }],
    childConditionsRuleSetId: 'PP50-2025',
    ruleSetId: 'PP50-2025',
    explanation: {
      schemaVersion: 1,
      ruleSetId: 'PP50-2025',
      components: [
        {
          code: 'SCHOLARSHIP_TK_SD',
          legalBasis: 'PP 82/2019: TK–SD Rp1,500,000 per year',
          confidence: 'H',
          formula: 'Rp1,500,000 for one TK–SD year',
          inputs: { level: 'TK-SD' },
          amount: 1_500_000,
        },
      ],
      total: 1_500_000,
    },
    amount: 1_500_000,
    payee: {
      kind: 'scholarship-account',
      holder: 'guardian',
      childId: 'c-2',
      fullName: 'Maria Bria',
      bankAccount: { bankCode: 'BRI', accountNumber: '0001', accountName: 'Maria Bria' },
    },
    approval: {
      mode: 'single-actor',
      makerId: 'officer-1',
      checkerId: null,
      proposedOn: '2026-07-21',
      approvedOn: '2026-07-21',
    },
  };
}
