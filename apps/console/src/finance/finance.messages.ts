/**
 * The finance officers' pages: payouts, bank batches, settlements, reissues, reconciliation — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'finance.'.
 */
export const financeMessagesId = {} as const;

export type FinanceMessageKey = keyof typeof financeMessagesId;

export const financeMessagesEn: { readonly [K in FinanceMessageKey]: string } = {};
