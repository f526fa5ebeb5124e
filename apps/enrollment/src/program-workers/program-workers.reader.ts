import type { SqlExecutor } from '@santunan/platform';

/** A sponsor program's registered workers in one kabupaten/kota. */
export interface RegencyWorkers {
  readonly regencyCode: string;
  /** Alive: covered by the program's sponsorship. */
  readonly active: number;
  readonly deceased: number;
}

/**
 * Workers a sponsor program enrolled, by kabupaten/kota: counted from the participant-view
 * read model (folded from the enrollment events). Counts only: no one is named.
 */
export class ProgramWorkersReader {
  constructor(private readonly database: SqlExecutor) {}

  async byRegency(programId: string): Promise<RegencyWorkers[]> {
    const rows = await this.database.query<{
      regency_code: string;
      active: string;
      deceased: string;
    }>(
      `select regency_code,
              count(*) filter (where status = 'active') as active,
              count(*) filter (where status = 'deceased') as deceased
         from participant_view
        where membership->>'kind' = 'sponsored' and membership->>'programId' = $1
        group by regency_code
        order by regency_code`,
      [programId],
    );
    return rows.map((row) => ({
      regencyCode: row.regency_code,
      active: Number(row.active),
      deceased: Number(row.deceased),
    }));
  }
}
