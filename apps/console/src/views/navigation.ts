import type { Role } from '@santunan/platform';
import { programsNavigation } from '../programs/programs.navigation';
import { enrollmentNavigation } from '../enrollment/enrollment.navigation';
import { financeNavigation } from '../finance/finance.navigation';
import { adminNavigation } from '../admin/admin.navigation';
import { dashboardsNavigation } from '../dashboards/dashboards.navigation';
import type { SignedInUser } from '../auth/session-user';
import type { MessageKey } from '../i18n/messages';

export interface NavigationLink {
  readonly href: string;
  readonly label: MessageKey;
  /** Shown to a user with any of these roles. */
  readonly roles: readonly Role[];
}

/**
 * The console's menu. A role sees only its own links; the services still refuse whatever a
 * role may not do, so this shapes the screen, it does not authorise.
 */
export const NAVIGATION: readonly NavigationLink[] = [
  { href: '/claims', label: 'nav.queue', roles: ['claims-officer', 'claims-supervisor'] },
  { href: '/proposals', label: 'nav.proposals', roles: ['claims-supervisor'] },
  { href: '/participants', label: 'nav.participants', roles: ['claims-officer'] },
  { href: '/accident-reports/new', label: 'nav.accidentReport', roles: ['claims-officer'] },
  { href: '/audit', label: 'nav.audit', roles: ['auditor'] },
  ...programsNavigation,
  ...enrollmentNavigation,
  ...financeNavigation,
  ...adminNavigation,
  ...dashboardsNavigation,
];

export function navigationFor(user: SignedInUser): NavigationLink[] {
  return NAVIGATION.filter((link) => link.roles.some((role) => user.roles.includes(role)));
}
