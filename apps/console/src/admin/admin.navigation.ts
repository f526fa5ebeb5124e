import type { NavigationLink } from '../views/navigation';

/** The menu links of the administrators' pages: users and roles through Keycloak, the simulation clock. */
export const adminNavigation: readonly NavigationLink[] = [];
