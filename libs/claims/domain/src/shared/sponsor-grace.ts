/**
 * How long a sponsor may pay a month late and still cover an incident in it (product decision
 * 1): arrears of up to 3 months after the end of the paid period (rules reference §1, M). The
 * rules library has no grace value yet, so it lives here as sourced data; the service may pass
 * another value in the decision context. Contributions publishes the same grace as
 * `graceLastMonth` = incident month + 3.
 */
export const SPONSOR_GRACE_MONTHS = {
  value: 3,
  legalBasis:
    'Rules reference §1 (grace: arrears of up to 3 months after the end of the paid period may be paid); product decision 1',
  confidence: 'M',
} as const;
