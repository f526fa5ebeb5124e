import type { NavigationLink } from '../views/navigation';

/** The menu links of the the claims dashboard. */
export const dashboardsNavigation: readonly NavigationLink[] = [];
