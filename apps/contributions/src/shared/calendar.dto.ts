/** `YYYY-MM` with a real month. */
export const ISO_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** `YYYY-MM-DD` (the decider checks it is a real date). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** An instant with an explicit offset and at most microseconds, as the event store stores it. */
export const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
/** Program ids are chosen by the sponsor (`ntt-2026`) or generated (a UUID). */
export const PROGRAM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
