import { firstDayOf } from '../shared/dates';
import { allowed, rejected, type EligibilityPolicy } from './policy';

/**
 * The incident (and a death) cannot lie in the future, nor before the participant was covered:
 * the registration date, or an earlier sponsorship start (coverage may begin on the PKS start
 * date, rules reference §7).
 */
export const incidentDateValid: EligibilityPolicy = ({ claim, facts, today }) => {
  if (claim.incidentDate > today) {
    return rejected(
      'INCIDENT_DATE_IN_FUTURE',
      `the incident date ${claim.incidentDate} is after today (${today})`,
      { incidentDate: claim.incidentDate, today },
    );
  }
  if (claim.dateOfDeath !== null && claim.dateOfDeath > today) {
    return rejected(
      'INCIDENT_DATE_IN_FUTURE',
      `the date of death ${claim.dateOfDeath} is after today (${today})`,
      { dateOfDeath: claim.dateOfDeath, today },
    );
  }
  const sponsorshipStarts = facts.coverage.sponsorships.map((period) =>
    firstDayOf(period.fromMonth),
  );
  const coverageStart =
    [facts.participant.registeredOn, ...sponsorshipStarts].sort()[0] ??
    facts.participant.registeredOn;
  if (claim.incidentDate < coverageStart) {
    return rejected(
      'INCIDENT_BEFORE_REGISTRATION',
      `the incident date ${claim.incidentDate} is before the participant was covered (${coverageStart})`,
      { incidentDate: claim.incidentDate, coveredFrom: coverageStart },
    );
  }
  return allowed(
    `the incident date ${claim.incidentDate} lies between ${coverageStart} and today`,
    {
      incidentDate: claim.incidentDate,
      coveredFrom: coverageStart,
    },
  );
};
