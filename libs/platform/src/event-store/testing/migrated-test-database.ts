import { createTestDatabase, type TestDatabase } from '@santunan/testing';
import { PlatformDatabase } from '../../database/platform-database';
import { projectionMigrations } from '../../projections/projection-checkpoints.migration';
import { eventStoreMigrations } from '../event-store.migration';

export interface MigratedTestDatabase {
  readonly database: PlatformDatabase;
  readonly url: string;
  close(): Promise<void>;
}

/** A fresh database with the event store, outbox and checkpoint tables. */
export async function openMigratedTestDatabase(
  label: string,
  poolSize = 6,
): Promise<MigratedTestDatabase> {
  const testDatabase: TestDatabase = await createTestDatabase(label);
  const database = await new PlatformDatabase({
    url: testDatabase.url,
    migrations: [...eventStoreMigrations, ...projectionMigrations],
    poolSize,
  }).open();
  await database.migrate();
  return {
    database,
    url: testDatabase.url,
    close: async () => {
      await database.close();
      await testDatabase.drop();
    },
  };
}
