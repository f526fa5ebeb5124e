/** `YYYY-MM-DD` as requests carry dates (the deciders check it is a real date). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** `YYYY-MM` with a real month. */
export const ISO_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** An instant with an explicit offset and at most microseconds, as the event store stores it. */
export const ISO_INSTANT_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
