import type { SqlExecutor } from '@santunan/platform';

/**
 * The participants that have a contribution account (`contribution_accounts`), written in the
 * transaction that opens the account: what the scheduler walks to bill and close months.
 */
export class AccountRegistry {
  constructor(private readonly database: SqlExecutor) {}

  async register(tx: SqlExecutor, participantId: string): Promise<void> {
    await tx.query(
      'insert into contribution_accounts (participant_id) values ($1) on conflict do nothing',
      [participantId],
    );
  }

  async exists(participantId: string): Promise<boolean> {
    const rows = await this.database.query(
      'select 1 from contribution_accounts where participant_id = $1',
      [participantId],
    );
    return rows.length > 0;
  }

  /** Participant ids after `after`, in id order (keyset pages). */
  async page(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.database.query<{ participant_id: string }>(
      `select participant_id from contribution_accounts
        where $1::text is null or participant_id > $1 order by participant_id limit $2`,
      [after, limit],
    );
    return rows.map((row) => row.participant_id);
  }
}
