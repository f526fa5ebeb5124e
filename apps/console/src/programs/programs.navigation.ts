import type { NavigationLink } from '../views/navigation';

/** The menu links of the sponsor operators' pages: programs, bulk enrolment, sponsor payments. */
export const programsNavigation: readonly NavigationLink[] = [
  { href: '/programs', label: 'programs.nav.list', roles: ['sponsor-operator', 'finance'] },
];
