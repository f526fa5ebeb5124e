/**
 * @santunan/payouts-domain — payout plans per approved decision, payout orders and their
 * disbursement lifecycle, bank batches and files, late-payment compensation and
 * reconciliation, as pure functions. Ids, dates and the calendar are passed in.
 * See README.md and docs/adr/0011-payouts.md.
 */
export * from './shared/rupiah';
export * from './decision/approved-decision';
export * from './payout-plan/plan-payouts';
export * from './payout-plan/payout-plan.commands';
export * from './payout-plan/payout-plan.state';
export * from './payout-plan/payout-plan.decide';
export * from './payout-order/payout-order.commands';
export * from './payout-order/payout-order.state';
export * from './payout-order/payout-order.rejections';
export * from './payout-order/payout-order.decide';
export * from './compensation/late-payment';
export * from './compensation/compensation-order';
export * from './bank-batch/bank-batch';
export * from './bank-batch/bank-file';
export * from './reconciliation/daily-report';
export * from './reconciliation/decision-check';
