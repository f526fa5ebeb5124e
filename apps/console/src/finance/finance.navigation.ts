import type { NavigationLink } from '../views/navigation';

/** The menu links of the finance officers' pages: payouts, bank batches, settlements, reissues, reconciliation. */
export const financeNavigation: readonly NavigationLink[] = [];
