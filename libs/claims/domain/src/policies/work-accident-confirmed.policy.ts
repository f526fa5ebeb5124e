import { allowed, notApplicable, pending, rejected, type EligibilityPolicy } from './policy';

/** JKK stage I: BPJS decides whether the incident was a work accident before stage II pays. */
export const workAccidentConfirmed: EligibilityPolicy = ({ claim, facts }) => {
  if (claim.program === 'jkm')
    return notApplicable('JKM covers deaths that are not work accidents');
  const report = facts.accidentReport;
  if (report === null) {
    return pending('WORK_ACCIDENT_NOT_YET_DECIDED', 'no accident report is known for this claim');
  }
  const details = { reportId: report.reportId, status: report.status };
  switch (report.status) {
    case 'confirmed':
      return allowed(
        `accident report ${report.reportId} was confirmed as a work accident`,
        details,
      );
    case 'refuted':
      return rejected(
        'NOT_A_WORK_ACCIDENT',
        `accident report ${report.reportId} was found not to be a work accident`,
        details,
      );
    case 'reported':
      return pending(
        'WORK_ACCIDENT_NOT_YET_DECIDED',
        `accident report ${report.reportId} awaits the work-accident decision (stage I)`,
        details,
      );
    default: {
      const _exhaustive: never = report.status;
      return _exhaustive;
    }
  }
};
