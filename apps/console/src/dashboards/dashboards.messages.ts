/**
 * The the claims dashboard — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'dashboards.'.
 */
export const dashboardsMessagesId = {} as const;

export type DashboardsMessageKey = keyof typeof dashboardsMessagesId;

export const dashboardsMessagesEn: { readonly [K in DashboardsMessageKey]: string } = {};
