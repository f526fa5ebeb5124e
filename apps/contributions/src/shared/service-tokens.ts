/** Injection tokens for values that are not classes. */
export const SERVICE_IDS = Symbol('contributions:ids');
export const SERVICE_CLOCK = Symbol('contributions:clock');
