/**
 * The administrators' pages: users and roles through Keycloak, the simulation clock — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'admin.'.
 */
export const adminMessagesId = {} as const;

export type AdminMessageKey = keyof typeof adminMessagesId;

export const adminMessagesEn: { readonly [K in AdminMessageKey]: string } = {};
