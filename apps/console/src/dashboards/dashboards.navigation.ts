import type { NavigationLink } from '../views/navigation';

/** The menu links of the dashboards. */
export const dashboardsNavigation: readonly NavigationLink[] = [
  {
    href: '/dashboards/claims',
    label: 'dashboards.nav.claims',
    roles: ['claims-officer', 'claims-supervisor', 'auditor'],
  },
  {
    href: '/dashboards/programs',
    label: 'dashboards.nav.programs',
    roles: ['sponsor-operator', 'finance', 'admin', 'auditor'],
  },
];
