/**
 * @santunan/claims-domain — the pure domain of the claims context: JKK accident reports
 * (stage I), JKK and JKM claims with named eligibility policies and maker–checker decisions,
 * the death register (one death, one death benefit), scholarship entitlements with yearly
 * instalments, and the payment SLA. Every amount and date rule comes from @santunan/rules.
 * Design: docs/adr/0009-claims-eligibility-and-decisions.md.
 */

// Input facts the service builds from its projections of other contexts' events
export * from './facts/claim-facts';
export * from './facts/coverage-facts.fold';

// Eligibility policies
export * from './policies/claim-under-assessment';
export * from './policies/policy';
export * from './policies/incident-coverage';
export * from './policies/paid-months';
export * from './policies/incident-date-valid.policy';
export * from './policies/work-accident-confirmed.policy';
export * from './policies/covered-on-incident-date.policy';
export * from './policies/membership-active.policy';
export * from './policies/within-claim-expiry.policy';
export * from './policies/one-death-benefit-per-death.policy';
export * from './policies/jkm-three-month-rule.policy';
export * from './policies/scholarship-route.policy';
export * from './policies/heirs-resolved.policy';
export * from './policies/eligibility';
export { SPONSOR_GRACE_MONTHS } from './shared/sponsor-grace';

// Decisions
export * from './decision/maker-checker';
export * from './decision/benefit';
export * from './decision/declared-income';
export * from './decision/heirs';
export * from './decision/payment';

// Documents and SLA
export * from './documents/checklist';
export * from './sla/sla-clock';

// Aggregates
export * from './accident-report/accident-report';
export * from './claim/claim.commands';
export * from './claim/claim.state';
export * from './claim/claim.rejections';
export * from './claim/claim.decide';
export { claimUnderAssessment, missingDocuments } from './claim/claim-proposal';
export type { AwaitingChecker } from './claim/claim-rejection';
export * from './death-register/death-register';
export * from './scholarship/scholarship.commands';
export * from './scholarship/scholarship.state';
export * from './scholarship/scholarship.decide';
