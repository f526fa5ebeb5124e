/**
 * Personal data never reaches a log line (UU PDP 27/2022): whatever object a log call is given,
 * these members are replaced before the line is written. Request logs carry no bodies or
 * headers at all (http-logging.ts); the paths are the second line of defence, for an object
 * someone passes as a log's context.
 */

/** Members that hold personal data wherever they sit (the contracts' personal-data paths). */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'nik',
  'fullName',
  'name',
  'birthDate',
  'dateOfBirth',
  'placeOfBirth',
  'address',
  'phone',
  'email',
  'bankAccount',
  'paymentAccount',
  'accountNumber',
  'accountName',
  'chronology',
  'witnesses',
  'notifier',
];

/** Credentials a request logged whole would carry. */
const CREDENTIAL_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

/** How deep under the line's root a personal member is still found (`a.b.c.nik`). */
const DEPTH = 4;

function atEveryDepth(key: string): string[] {
  const paths: string[] = [];
  for (let depth = 0; depth <= DEPTH; depth += 1)
    paths.push([...Array<string>(depth).fill('*'), key].join('.'));
  return paths;
}

/** pino's `redact.paths`: the personal members at any depth up to DEPTH, and the credentials. */
export const REDACTED_PATHS: readonly string[] = [
  ...PERSONAL_DATA_KEYS.flatMap(atEveryDepth),
  ...CREDENTIAL_PATHS,
];

export const LOG_REDACTED = '[redacted]';
