/** Nest injection token of the wired PayoutsServices. */
export const PAYOUTS_SERVICES = Symbol('PayoutsServices');
