import type { Role } from '@santunan/platform';

// Who may do what in the claims office (ADR 0007): the officer makes, the supervisor checks,
// the auditor reads. `admin` is deliberately absent: it is no bypass of maker–checker.

export const MAKER: readonly Role[] = ['claims-officer'];
export const CHECKER: readonly Role[] = ['claims-supervisor'];
export const CLAIMS_STAFF: readonly Role[] = ['claims-officer', 'claims-supervisor'];
export const READERS: readonly Role[] = ['claims-officer', 'claims-supervisor', 'auditor'];
