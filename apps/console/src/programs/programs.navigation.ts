import type { NavigationLink } from '../views/navigation';

/** The menu links of the sponsor operators' pages: programs, bulk enrolment, sponsor payments, the programs dashboard. */
export const programsNavigation: readonly NavigationLink[] = [];
