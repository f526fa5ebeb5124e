/**
 * The enrollment officers' pages: participants and their forms — messages spread into i18n/id.ts and i18n/en.ts (so the check that both
 * languages have the same keys covers them too). Keys start with 'enrollment.'.
 */
export const enrollmentMessagesId = {} as const;

export type EnrollmentMessageKey = keyof typeof enrollmentMessagesId;

export const enrollmentMessagesEn: { readonly [K in EnrollmentMessageKey]: string } = {};
