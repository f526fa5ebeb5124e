import type { NavigationLink } from '../views/navigation';
import { simulationMode } from './platform-clock';

/**
 * The menu links of the administrators' pages: users and roles through Keycloak, the record
 * of changes (auditors read it too), and the simulated clock only in simulation mode.
 */
export const adminNavigation: readonly NavigationLink[] = [
  { href: '/admin/users', label: 'admin.nav.users', roles: ['admin'] },
  { href: '/admin/changes', label: 'admin.nav.changes', roles: ['admin', 'auditor'] },
  ...(simulationMode()
    ? [{ href: '/admin/clock', label: 'admin.nav.clock', roles: ['admin'] } as const]
    : []),
];
