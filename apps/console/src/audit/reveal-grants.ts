/**
 * A reveal lets this auditor see one participant's personal data for a short while, in this
 * session only: another auditor, or the same one later, sees it masked again.
 */
export interface RevealGrant {
  readonly revealId: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export type RevealGrants = Readonly<Record<string, RevealGrant>>;

/** How long a reveal stays open: long enough to read the case, short enough to be a decision. */
export const REVEAL_GRANT_MS = 10 * 60 * 1000;

declare module 'express-session' {
  interface SessionData {
    /** Participant id → the reveal that opened their personal data to this auditor. */
    auditReveals?: RevealGrants;
  }
}

/** The grants with this participant's added; expired ones are dropped on the way. */
export function withGrant(
  grants: RevealGrants | undefined,
  participantId: string,
  revealId: string,
  now: number,
): RevealGrants {
  return {
    ...unexpired(grants, now),
    [participantId]: { revealId, expiresAt: now + REVEAL_GRANT_MS },
  };
}

export function grantFor(
  grants: RevealGrants | undefined,
  participantId: string,
  now: number,
): RevealGrant | null {
  const grant = grants?.[participantId];
  return grant !== undefined && grant.expiresAt > now ? grant : null;
}

export function unexpired(grants: RevealGrants | undefined, now: number): RevealGrants {
  return Object.fromEntries(
    Object.entries(grants ?? {}).filter(([, grant]) => grant.expiresAt > now),
  );
}
