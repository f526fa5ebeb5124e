/**
 * The sponsor operators' pages: programs, bulk enrolment, sponsor payments, the programs dashboard — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'programs.'.
 */
export const programsMessagesId = {} as const;

export type ProgramsMessageKey = keyof typeof programsMessagesId;

export const programsMessagesEn: { readonly [K in ProgramsMessageKey]: string } = {};
