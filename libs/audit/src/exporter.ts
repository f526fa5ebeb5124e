import { ExportWriter } from './ndjson-export';
import { endBefore, startOf } from './period';
import { silent, type Progress } from './progress';
import { inSnapshot } from './sql';
import { formatPosition, readEvents, storeHead } from './store-reader';
import type { AuditTargets, AuditedService } from './targets';

export interface ExportRequest {
  /** Date (Asia/Jakarta) or ISO instant; recorded time, inclusive. */
  readonly from: string;
  /** Date (inclusive, the whole day) or ISO instant (exclusive). */
  readonly to: string;
  readonly progress?: Progress;
}

/**
 * Writes the events recorded in the period, service by service in store position order, as
 * NDJSON lines through `write`. Each service is read in one snapshot up to its head.
 */
export async function exportPeriod(
  targets: AuditTargets,
  request: ExportRequest,
  write: (line: string) => Promise<void> | void,
): Promise<{
  readonly events: number;
  readonly byService: Readonly<Partial<Record<AuditedService, number>>>;
}> {
  const progress = request.progress ?? silent;
  const from = startOf(request.from);
  const before = endBefore(request.to);
  const writer = new ExportWriter();
  // Heads first, so the header can name the positions every service is read up to.
  const heads = new Map<AuditedService, Awaited<ReturnType<typeof storeHead>>>();
  for (const target of targets.services) {
    heads.set(target.service, await inSnapshot(target.databaseUrl, storeHead));
  }
  await write(
    writer.header({
      from,
      before,
      services: targets.services.map((target) => target.service),
      positions: Object.fromEntries(
        [...heads].map(([service, head]) => [service, formatPosition(head)]),
      ),
    }),
  );
  const byService: Partial<Record<AuditedService, number>> = {};
  let events = 0;
  for (const target of targets.services) {
    const upTo = heads.get(target.service);
    await inSnapshot(target.databaseUrl, async (db) => {
      let count = 0;
      for await (const event of readEvents(db, target.service, {
        ...(upTo === undefined ? {} : { upTo }),
        recordedFrom: from,
        recordedBefore: before,
        onProgress: (read) => {
          if (read > 0 && read % 10_000 === 0) progress(`export ${target.service}: ${read} events`);
        },
      })) {
        await write(writer.event(event));
        count += 1;
      }
      byService[target.service] = count;
      events += count;
      progress(`export ${target.service}: ${count} events`);
    });
  }
  await write(writer.trailer());
  return { events, byService };
}
