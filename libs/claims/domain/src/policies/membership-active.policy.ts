import { allowed, rejected, type EligibilityPolicy } from './policy';

/** The membership must not have lapsed (more than 3 consecutive unpaid months) on the incident date. */
export const membershipActive: EligibilityPolicy = ({ claim, facts }) => {
  const lapse = facts.coverage.lapses.find(
    (candidate) =>
      candidate.lapsedFrom <= claim.incidentDate &&
      (candidate.reinstatedOn === null || claim.incidentDate < candidate.reinstatedOn),
  );
  if (lapse !== undefined) {
    return rejected(
      'MEMBERSHIP_LAPSED',
      lapse.reinstatedOn === null
        ? `the membership lapsed from ${lapse.lapsedFrom} (${lapse.cause}) and was not reinstated`
        : `the membership lapsed from ${lapse.lapsedFrom} (${lapse.cause}) until ${lapse.reinstatedOn}`,
      { lapsedFrom: lapse.lapsedFrom, reinstatedOn: lapse.reinstatedOn, cause: lapse.cause },
    );
  }
  return allowed(`the membership was active on ${claim.incidentDate}`);
};
