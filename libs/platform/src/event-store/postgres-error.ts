/** The SQLSTATE and constraint of a failed query, whether raised by pg or wrapped by TypeORM. */
export interface PostgresErrorFields {
  readonly code?: string;
  readonly constraint?: string;
}

export function postgresErrorFields(error: unknown): PostgresErrorFields {
  if (typeof error !== 'object' || error === null) return {};
  const direct = error as PostgresErrorFields & { driverError?: unknown };
  if (direct.code !== undefined) return { code: direct.code, constraint: direct.constraint };
  return direct.driverError === undefined ? {} : postgresErrorFields(direct.driverError);
}

export const UNIQUE_VIOLATION = '23505';
