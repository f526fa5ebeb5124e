/**
 * Stable codes for expected bad input. Services map them to problem details; never rename one
 * (stored decisions and clients depend on them), only add.
 */
export type RuleErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_YEAR_MONTH'
  | 'INVALID_SCHOLARSHIP_YEAR'
  | 'DATES_OUT_OF_ORDER'
  | 'NO_RULE_SET_IN_FORCE'
  | 'UNKNOWN_RULE_SET'
  | 'CALENDAR_NOT_COVERED'
  | 'INVALID_AMOUNT'
  | 'NEGATIVE_AMOUNT'
  | 'FRACTIONAL_AMOUNT'
  | 'AMOUNT_TOO_LARGE'
  | 'INVALID_WAGE'
  | 'INCOME_BELOW_FLOOR'
  | 'INVALID_PERCENTAGE'
  | 'INVALID_COUNT'
  | 'UNKNOWN_LEVEL'
  | 'UNKNOWN_RISK_CLASS'
  | 'UNKNOWN_VALUE'
  | 'INVALID_INPUT'
  | 'UNKNOWN_COMPONENT'
  | 'INVALID_COMPONENT_INPUT'
  | 'COMPONENT_NOT_APPLICABLE'
  | 'MIXED_RULE_SETS';

export interface RuleError {
  readonly code: RuleErrorCode;
  readonly message: string;
  /** The input field at fault, when there is one. */
  readonly field?: string;
}

export function ruleError(code: RuleErrorCode, message: string, field?: string): RuleError {
  return field === undefined ? { code, message } : { code, message, field };
}
