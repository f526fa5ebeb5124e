import type { NavigationLink } from '../views/navigation';

/** The menu links of the enrollment officers' pages: participants and their forms. */
export const enrollmentNavigation: readonly NavigationLink[] = [
  {
    href: '/enrollment/participants',
    label: 'enrollment.nav.participants',
    roles: ['enrollment-officer'],
  },
];
