import { isIsoDate, isIsoMonth, monthOf } from '@santunan/domain-kernel';
import { resolveClaimHeirs } from '../decision/heirs';
import { declaredIncomeIn } from '../decision/declared-income';
import type { ClaimFacts } from '../facts/claim-facts';
import { isDeathClaim } from '../policies/claim-under-assessment';
import type { JsonRecord } from '../shared/json';
import type { ClaimFile } from './claim.state';

export interface FactsProblem {
  readonly code: 'FACTS_INVALID' | 'DEATH_BENEFIT_NOT_REGISTERED';
  readonly message: string;
  readonly details: JsonRecord;
}

const invalid = (message: string, details: JsonRecord = {}): FactsProblem => ({
  code: 'FACTS_INVALID',
  message,
  details,
});

/**
 * The service builds the facts from its projections; a fact that does not fit the claim is a
 * refused command (nothing is recorded), never a reason written into a decision.
 */
export function checkClaimFacts(
  file: ClaimFile,
  facts: ClaimFacts,
  today: string,
): FactsProblem | null {
  const { participant, coverage } = facts;
  if (participant.participantId !== file.participantId) {
    return invalid(
      `the facts are about participant ${participant.participantId}, the claim about ${file.participantId}`,
    );
  }
  if (!isIsoDate(participant.registeredOn))
    return invalid('participant.registeredOn is not a date');
  for (const period of participant.incomeHistory) {
    if (
      !Number.isSafeInteger(period.declaredIncome) ||
      period.declaredIncome <= 0 ||
      !isIsoMonth(period.effectiveFrom)
    ) {
      return invalid('an income period is not a whole positive rupiah amount from a YYYY-MM month');
    }
  }
  const incidentMonth = monthOf(file.incidentDate);
  if (declaredIncomeIn(participant.incomeHistory, incidentMonth) === null) {
    return invalid(`no declared income is in force in ${incidentMonth}`, { month: incidentMonth });
  }
  if (coverage.paidMonths.some((paid) => !isIsoMonth(paid.month) || !isIsoDate(paid.paidOn))) {
    return invalid('a paid month has a bad month or paid-on date');
  }
  if (
    coverage.sponsorships.some(
      (s) =>
        !isIsoMonth(s.fromMonth) ||
        (s.toMonth !== null && (!isIsoMonth(s.toMonth) || s.toMonth < s.fromMonth)),
    )
  ) {
    return invalid('a sponsorship period has bad months');
  }
  if (
    coverage.lapses.some(
      (l) => !isIsoDate(l.lapsedFrom) || (l.reinstatedOn !== null && !isIsoDate(l.reinstatedOn)),
    )
  ) {
    return invalid('a lapse has bad dates');
  }
  if (
    coverage.firstPaidMonth !== undefined &&
    coverage.firstPaidMonth !== null &&
    !isIsoMonth(coverage.firstPaidMonth)
  ) {
    return invalid('coverage.firstPaidMonth is not a month');
  }
  if (
    facts.children.some((child) => !isIsoDate(child.birthDate) || !isIsoDate(child.registeredOn))
  ) {
    return invalid('a registered child has bad dates');
  }
  if (file.program === 'jkk') {
    const report = facts.accidentReport;
    if (report === null || report.reportId !== file.accidentReportId) {
      return invalid(`the facts do not carry accident report ${file.accidentReportId ?? '?'}`);
    }
    if (report.participantId !== file.participantId || report.incidentDate !== file.incidentDate) {
      return invalid(
        `accident report ${report.reportId} is about another participant or incident date`,
      );
    }
  }
  if (isDeathClaim(file.benefitType)) {
    if (facts.deathRegister === null || facts.heirs === null) {
      return invalid('a death claim needs the death register and the heirs');
    }
    // The register serialises death claims: a claim can only be decided once it is entered there.
    if (facts.deathRegister.benefitClaimedBy === null) {
      return {
        code: 'DEATH_BENEFIT_NOT_REGISTERED',
        message: 'enter the claim in the death register before deciding it',
        details: { participantId: file.participantId },
      };
    }
    const heirs = resolveClaimHeirs(file.dateOfDeath ?? file.incidentDate, facts.heirs, today);
    if (!heirs.ok) return invalid(heirs.error.message, { ruleError: heirs.error.code });
  }
  return null;
}
