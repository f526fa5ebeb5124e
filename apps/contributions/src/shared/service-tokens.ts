/** Injection tokens for values that are not classes. */
export const SERVICE_IDS = Symbol('contributions:ids');
/** The service's ContributionsConfig, as the module was given it. */
export const CONTRIBUTIONS_CONFIG = Symbol('contributions:config');
