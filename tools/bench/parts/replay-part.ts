/**
 * Part 4 — replay events/s: a service's read models rebuilt from its event store by the
 * platform's ProjectionRunner.rebuildTogether (empty the models, rewind their checkpoints,
 * replay every event in store order behind the transaction horizon, page by page, each page
 * read once for all of the store's projections), beside a raw `pg` sequential read of the same
 * rows (the `events` table, every column, keyset pages of the runner's rebuild page). The
 * figure is the store's events over the seconds until all its models are rebuilt. Runs on the
 * stores the enrollment and contributions parts left (the services stopped, so nothing else
 * moves the checkpoints), and checks that each rebuilt model equals the live one it replaced.
 */
import { Client } from 'pg';
import { CoverageViewProjection, ProgramReportProjection } from '@santunan/contributions-service';
import { LookupHasher, ParticipantViewProjection } from '@santunan/enrollment-service';
import {
  ProjectionRunner,
  ServiceRuntime,
  type Projection,
  type ServiceConfig,
} from '@santunan/platform';
import { countRows, n, now, progress, rate, ratio, type Rate } from '../shared/harness';
import { pgSequentialRead } from '../shared/raw-baselines';
import type { EnrollmentStore } from './enrollment-part';
import type { ContributionsStore } from './contributions-part';

/** The runner's page while rebuilding: the raw read uses the same page. */
const REBUILD_PAGE = 2_000;
/** The runner's page while following the store (the raw read in those pages, for reference). */
const FOLLOW_PAGE = 200;

export interface ReplayFigures {
  readonly store: string;
  readonly projections: readonly string[];
  readonly events: number;
  /** The store's events over the seconds until every projection is rebuilt (the figure). */
  readonly rebuild: Rate;
  /** The same, one projection after the other in pages of 200 (the runner before issue 16). */
  readonly oneAtATime: Rate;
  /** Each rebuilt read model (by either way) equals what the live service had built. */
  readonly equalsLive: boolean;
  readonly baseline: {
    readonly pgSequentialRead: Rate;
    readonly page: number;
    /** The same read in the pages the runner follows the store with (reference, not the ratio). */
    readonly pgSequentialReadFollowPages: Rate;
  };
  readonly ratio: number;
}

const log = (line: string): void => progress('replay', line);

interface ReplayTarget {
  readonly label: string;
  readonly service: ServiceConfig;
  readonly projections: (runtime: ServiceRuntime) => Projection[];
  /** Read models as text, for the equality check. */
  readonly snapshots: readonly string[];
}

async function hashOf(url: string, query: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ hash: string }>(
      `select md5(coalesce(string_agg(t::text, '|'), '')) as hash from (${query}) t`,
    );
    return rows[0]?.hash ?? '';
  } finally {
    await client.end();
  }
}

async function equalsSnapshots(
  url: string,
  snapshots: readonly string[],
  live: readonly string[],
): Promise<boolean> {
  const rebuilt = await Promise.all(snapshots.map((query) => hashOf(url, query)));
  return rebuilt.every((hash, index) => hash === live[index]);
}

async function replay(target: ReplayTarget): Promise<ReplayFigures> {
  const url = target.service.databaseUrl;
  const live = await Promise.all(target.snapshots.map((query) => hashOf(url, query)));
  const runtime = await ServiceRuntime.start({
    config: { ...target.service, serviceName: `${target.service.serviceName}-replay` },
    topic: 'unused',
    runWorkers: false,
  });
  try {
    const projections = target.projections(runtime);
    const runner = new ProjectionRunner({
      database: runtime.database,
      store: runtime.store,
      projections,
      rebuildBatchSize: REBUILD_PAGE,
    });
    const events = await countRows(url, 'select count(*) as n from events');
    log(
      `${target.label}: rebuilding ${projections.map((p) => p.name).join(', ')} from ${events} events`,
    );
    // Reference first: the runner as it rebuilt before issue 16 (each projection on its own
    // pass, pages of 200), on the same store in the same run, so the figure's gain is its own.
    const separately = new ProjectionRunner({
      database: runtime.database,
      store: runtime.store,
      projections,
      rebuildBatchSize: FOLLOW_PAGE,
    });
    const separateStart = now();
    for (const projection of projections) await separately.rebuild(projection);
    const oneAtATime = rate(events, separateStart);
    const equalsLiveSeparately = await equalsSnapshots(url, target.snapshots, live);
    log(`  one projection at a time, pages of ${FOLLOW_PAGE}: ${oneAtATime.perSecond} events/s`);
    const startedAt = now();
    const read = await runner.rebuildTogether(projections);
    const rebuild = rate(read, startedAt);
    log(`  together, pages of ${REBUILD_PAGE}: ${rebuild.perSecond} events/s`);
    const equalsLive = equalsLiveSeparately && (await equalsSnapshots(url, target.snapshots, live));
    log(`  raw: pg sequential read of the events table, pages of ${REBUILD_PAGE}`);
    const raw = await pgSequentialRead(url, 'events', 'global_position', REBUILD_PAGE);
    const followPages = await pgSequentialRead(url, 'events', 'global_position', FOLLOW_PAGE);
    return {
      store: target.label,
      projections: projections.map((projection) => projection.name),
      events,
      rebuild,
      oneAtATime,
      equalsLive,
      baseline: {
        pgSequentialRead: raw,
        page: REBUILD_PAGE,
        pgSequentialReadFollowPages: followPages,
      },
      ratio: ratio(rebuild.perSecond, raw.perSecond),
    };
  } finally {
    await runtime.stop();
  }
}

export async function runReplayPart(stores: {
  readonly enrollment?: EnrollmentStore;
  readonly contributions?: ContributionsStore;
}): Promise<ReplayFigures[]> {
  const figures: ReplayFigures[] = [];
  if (stores.enrollment !== undefined) {
    const { config } = stores.enrollment;
    figures.push(
      await replay({
        label: 'enrollment',
        service: config.service,
        projections: (runtime) => [
          new ParticipantViewProjection(runtime.cipher, new LookupHasher(config.lookupKey)),
        ],
        snapshots: [
          'select * from participant_view order by participant_id',
          'select * from participant_name_tokens order by 1, 2',
        ],
      }),
    );
  }
  if (stores.contributions !== undefined) {
    const { config } = stores.contributions;
    figures.push(
      await replay({
        label: 'contributions',
        service: config.service,
        projections: (runtime) => {
          return [
            new CoverageViewProjection(runtime.store, config.coverageCacheSize),
            new ProgramReportProjection(),
          ];
        },
        snapshots: [
          'select * from coverage_view order by participant_id',
          'select * from program_report order by program_id',
        ],
      }),
    );
  }
  return figures;
}

/** The figure's line on stdout, one per store. */
export function printReplay(f: ReplayFigures): void {
  console.log(
    `replay ${f.store.padEnd(13)} ${n(f.rebuild.perSecond)} events/s (${f.projections.join(' + ')}, ${n(f.rebuild.count)} events in ${f.rebuild.seconds} s${f.equalsLive ? ', equals live' : ', DIFFERS FROM LIVE'})` +
      ` | one at a time in pages of ${FOLLOW_PAGE} ${n(f.oneAtATime.perSecond)} events/s` +
      ` | baseline pg sequential read ${n(f.baseline.pgSequentialRead.perSecond)} rows/s (pages of ${f.baseline.page}; ${n(f.baseline.pgSequentialReadFollowPages.perSecond)} in pages of ${FOLLOW_PAGE}) | ratio ${f.ratio}`,
  );
}
