/** Every database the runner creates, named `<prefix>_<what>` (PLATFORM_DATABASE_PREFIX). */
export function platformDatabases(prefix: string) {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix))
    throw new Error(`PLATFORM_DATABASE_PREFIX must be lowercase letters, digits and _: ${prefix}`);
  return {
    enrollment: `${prefix}_enrollment`,
    contributions: `${prefix}_contributions`,
    claims: `${prefix}_claims`,
    payouts: `${prefix}_payouts`,
    // Per-subject keys for personal data, shared by all services (a stand-in for a KMS).
    keys: `${prefix}_keys`,
    // The console's sessions and the auditor's reveal log.
    console: `${prefix}_console`,
    // Keycloak's own, when the runner starts Keycloak.
    keycloak: `${prefix}_keycloak`,
  } as const;
}
