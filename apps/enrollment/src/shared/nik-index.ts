import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@santunan/platform';

/** Another registration of the same NIK committed first; the caller looks it up again. */
export class NikAlreadyIndexedError extends Error {
  override readonly name = 'NikAlreadyIndexedError';
  constructor() {
    super('the NIK was indexed for another participant by a concurrent registration');
  }
}

/**
 * `participant_nik_index`: NIK (as a keyed hash) → participant id. Written in the transaction
 * that appends the registration, so a NIK is never indexed without its participant, nor the
 * other way round.
 */
@Injectable()
export class NikIndex {
  async find(executor: SqlExecutor, nikHash: Buffer): Promise<string | undefined> {
    const [row] = await executor.query<{ participant_id: string }>(
      'select participant_id from participant_nik_index where nik_hmac = $1',
      [nikHash],
    );
    return row?.participant_id;
  }

  /** Participant ids by NIK hash (hex), for a batch of bulk rows. */
  async findMany(
    executor: SqlExecutor,
    nikHashesHex: readonly string[],
  ): Promise<Map<string, string>> {
    if (nikHashesHex.length === 0) return new Map();
    const rows = await executor.query<{ nik_hex: string; participant_id: string }>(
      `select encode(nik_hmac, 'hex') as nik_hex, participant_id from participant_nik_index
        where nik_hmac = any(select decode(h, 'hex') from unnest($1::text[]) as h)`,
      [nikHashesHex],
    );
    return new Map(rows.map((row) => [row.nik_hex, row.participant_id]));
  }

  /** Throws NikAlreadyIndexedError (and so rolls the transaction back) if a NIK is taken. */
  async insert(
    executor: SqlExecutor,
    entries: readonly { readonly nikHashHex: string; readonly participantId: string }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const inserted = await executor.query<{ participant_id: string }>(
      `insert into participant_nik_index (nik_hmac, participant_id)
       select decode(h, 'hex'), p from unnest($1::text[], $2::uuid[]) as e(h, p)
       on conflict do nothing
       returning participant_id`,
      [entries.map((entry) => entry.nikHashHex), entries.map((entry) => entry.participantId)],
    );
    if (inserted.length !== entries.length) throw new NikAlreadyIndexedError();
  }
}
