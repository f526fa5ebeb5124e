import type { NavigationLink } from '../views/navigation';

/** The menu links of the finance officers' pages: payouts, bank batches, settlements, reissues, reconciliation. */
export const financeNavigation: readonly NavigationLink[] = [
  { href: '/finance/payouts', label: 'finance.nav.payouts', roles: ['finance'] },
  { href: '/finance/batches', label: 'finance.nav.batches', roles: ['finance'] },
  { href: '/finance/settlements', label: 'finance.nav.settlements', roles: ['finance'] },
  {
    href: '/finance/reconciliation',
    label: 'finance.nav.reconciliation',
    roles: ['finance', 'auditor'],
  },
];
