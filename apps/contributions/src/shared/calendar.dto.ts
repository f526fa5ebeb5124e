/** Program ids are chosen by the sponsor (`ntt-2026`) or generated (a UUID). */
export const PROGRAM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
