import type { SqlExecutor } from '../database/platform-database';
import { START_OF_STORE, type StorePosition } from '../event-store/store-position';

export async function readCheckpoint(
  executor: SqlExecutor,
  projection: string,
): Promise<StorePosition> {
  const [row] = await executor.query<{ transaction_id: string; global_position: string }>(
    'select transaction_id, global_position from projection_checkpoints where name = $1',
    [projection],
  );
  return row
    ? { transactionId: row.transaction_id, globalPosition: row.global_position }
    : START_OF_STORE;
}

export async function writeCheckpoint(
  executor: SqlExecutor,
  projection: string,
  position: StorePosition,
): Promise<void> {
  await executor.query(
    `insert into projection_checkpoints (name, transaction_id, global_position) values ($1, $2, $3)
     on conflict (name) do update set transaction_id = excluded.transaction_id, global_position = excluded.global_position`,
    [projection, position.transactionId, position.globalPosition],
  );
}
