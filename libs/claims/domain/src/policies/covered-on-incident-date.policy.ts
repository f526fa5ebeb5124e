import { incidentMonthCoverage } from './incident-coverage';
import { allowed, pending, rejected, type EligibilityPolicy } from './policy';

/** Product decision 1: was the incident month covered on the incident date? */
export const coveredOnIncidentDate: EligibilityPolicy = (input) => {
  const { claim, facts, today, sponsorGraceMonths } = input;
  const coverage = incidentMonthCoverage({
    coverage: facts.coverage,
    segment: facts.participant.segment,
    incidentDate: claim.incidentDate,
    today,
    graceMonths: sponsorGraceMonths,
  });
  const { month } = coverage;
  switch (coverage.kind) {
    case 'paid-by-incident':
      return allowed(
        `${month} was paid on ${coverage.payment.paidOn}, on or before the incident date ${claim.incidentDate}`,
        {
          month,
          paidOn: coverage.payment.paidOn,
          reference: coverage.payment.reference,
          payer: coverage.payment.payer.kind,
        },
      );
    case 'sponsor-paid-in-grace':
      return allowed(
        `${month} lies in sponsorship ${coverage.programId} and the sponsor paid it on ${coverage.payment.paidOn}, within the grace ending ${coverage.graceEndsOn}`,
        {
          month,
          programId: coverage.programId,
          paidOn: coverage.payment.paidOn,
          reference: coverage.payment.reference,
          graceEndsOn: coverage.graceEndsOn,
        },
      );
    case 'paid-by-employer':
      return allowed(`${month} is paid by the employer (PU)`, {
        month,
        paidOn: coverage.payment.paidOn,
        reference: coverage.payment.reference,
      });
    case 'sponsor-payment-pending':
      return pending(
        'PENDING_CONTRIBUTION',
        `${month} lies in sponsorship ${coverage.programId} but the sponsor has not paid it yet; the claim waits until ${coverage.graceEndsOn}`,
        { month, programId: coverage.programId, graceEndsOn: coverage.graceEndsOn },
      );
    case 'sponsor-not-paid-in-grace':
      return rejected(
        'SPONSOR_CONTRIBUTION_NOT_PAID_IN_GRACE',
        coverage.paidOn === null
          ? `the sponsor did not pay ${month} by the end of its grace (${coverage.graceEndsOn})`
          : `the sponsor paid ${month} on ${coverage.paidOn}, after its grace ended (${coverage.graceEndsOn})`,
        {
          month,
          programId: coverage.programId,
          graceEndsOn: coverage.graceEndsOn,
          paidOn: coverage.paidOn,
        },
      );
    case 'paid-after-incident':
      return rejected(
        'CONTRIBUTION_PAID_AFTER_INCIDENT',
        `${month} was paid on ${coverage.payment.paidOn}, after the incident date ${claim.incidentDate}: paying arrears never covers a past incident`,
        { month, paidOn: coverage.payment.paidOn, incidentDate: claim.incidentDate },
      );
    case 'not-paid':
      return rejected('INCIDENT_MONTH_NOT_PAID', `the incident month ${month} is not paid`, {
        month,
      });
    default: {
      const _exhaustive: never = coverage;
      return _exhaustive;
    }
  }
};
