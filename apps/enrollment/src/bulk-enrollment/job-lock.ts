import { advisoryLockKey, type PlatformDatabase } from '@santunan/platform';

export interface HeldLock {
  release(): Promise<void>;
}

function lockKey(jobId: string): string {
  return advisoryLockKey(`santunan:enrollment-job:${jobId}`);
}

/**
 * One worker per job across replicas: a session advisory lock on a connection held while the
 * job runs. PostgreSQL frees it when that session ends, however the process died, so another
 * replica (or this one after a restart) can resume the job.
 */
export async function tryLockJob(
  database: PlatformDatabase,
  jobId: string,
): Promise<HeldLock | undefined> {
  const session = database.dataSource.createQueryRunner();
  await session.connect();
  try {
    const rows = (await session.query('select pg_try_advisory_lock($1::bigint) as locked', [
      lockKey(jobId),
    ])) as { locked: boolean }[];
    if (rows[0]?.locked !== true) {
      await session.release();
      return undefined;
    }
  } catch (error) {
    await session.release();
    throw error;
  }
  return {
    release: async () => {
      if (session.isReleased) return;
      try {
        await session.query('select pg_advisory_unlock($1::bigint)', [lockKey(jobId)]);
      } catch {
        // The session is gone (server restart, killed connection), and its lock with it.
      }
      if (!session.isReleased) await session.release();
    },
  };
}
