import type { ContributionAccountEvent, ContributionAccountEventType } from '@santunan/contracts';
import {
  evolveContributionAccount,
  initialContributionAccountState,
  type ContributionAccount,
  type ContributionAccountState,
} from '@santunan/contributions-domain';
import {
  FoldedStateCache,
  type EventEnvelope,
  type EventStore,
  type Projection,
  type Transaction,
} from '@santunan/platform';
import { COVERAGE_ROW_CHANGES, coverageRecordOf } from './coverage-record';

const domainEventOf = (envelope: EventEnvelope): ContributionAccountEvent =>
  ({ type: envelope.type, data: envelope.data }) as ContributionAccountEvent;

/**
 * `coverage_view`: one row per participant with the domain's coverage facts (standing, paid
 * through, masa iur, first paid month, arrears) and the months billed and paid. The facts
 * are the domain's functions over the account folded up to the event being applied, so the
 * model is a function of the events: a rebuild equals the live model.
 *
 * The fold is kept in memory per account (bounded, least recently used forgotten) and used
 * only when it is exactly the fold before this event (its version and hash are the event's
 * predecessor's); otherwise the account's stream is read again up to the event. The runner
 * hands it pages (applyBatch): one read of the missing streams and one upsert per page.
 */
export class CoverageViewProjection implements Projection {
  readonly name = 'coverage-view';
  private readonly folds: FoldedStateCache<ContributionAccountState>;

  constructor(
    private readonly store: EventStore,
    cacheSize = 10_000,
  ) {
    this.folds = new FoldedStateCache(cacheSize);
  }

  handles(type: string): boolean {
    return Object.hasOwn(COVERAGE_ROW_CHANGES, type);
  }

  async reset(tx: Transaction): Promise<void> {
    this.folds.clear();
    await tx.query('delete from coverage_view');
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    await this.applyBatch(tx, [event]);
  }

  /**
   * A page at once: each account folded through its events in order, then one upsert of
   * every row the page changed, with each account's state after its last row-changing event —
   * the row `apply` one by one would leave, since each upsert replaces the whole row. Accounts
   * whose fold is not held are read in one query.
   */
  async applyBatch(tx: Transaction, events: readonly EventEnvelope[]): Promise<void> {
    const folds = await this.foldsBefore(tx, events);
    const changed = new Map<string, { state: ContributionAccount; event: EventEnvelope }>();
    for (const event of events) {
      const before = folds.get(event.streamId) ?? missingFold(event);
      const state = evolveContributionAccount(before, domainEventOf(event));
      folds.set(event.streamId, state);
      this.folds.remember(event.streamId, { state, version: event.version, hash: event.hash });
      if (state.status === 'not-opened') continue;
      if (!COVERAGE_ROW_CHANGES[event.type as ContributionAccountEventType]) continue;
      changed.set(event.streamId, { state, event });
    }
    if (changed.size > 0) await upsertRows(tx, [...changed.values()]);
  }

  /**
   * Each account's fold just before its first event in the page: the cached fold when it is
   * exactly that (its version and hash are the event's predecessor's), else the stream read
   * again up to there — every such stream in one query.
   */
  private async foldsBefore(
    tx: Transaction,
    events: readonly EventEnvelope[],
  ): Promise<Map<string, ContributionAccountState>> {
    const folds = new Map<string, ContributionAccountState>();
    const toRead = new Map<string, number>();
    for (const event of events) {
      if (folds.has(event.streamId) || toRead.has(event.streamId)) continue;
      const held = this.folds
        .candidates(event.streamId)
        .find((fold) => fold.version === event.version - 1 && fold.hash === event.previousHash);
      if (held !== undefined) folds.set(event.streamId, held.state);
      else toRead.set(event.streamId, event.version);
    }
    if (toRead.size === 0) return folds;
    const histories = await this.store.readStreams(
      tx,
      [...toRead.keys()].map((streamId) => ({ streamId })),
    );
    for (const [streamId, firstInPage] of toRead) {
      let state = initialContributionAccountState();
      for (const stored of histories.get(streamId) ?? []) {
        if (stored.version >= firstInPage) break;
        state = evolveContributionAccount(state, domainEventOf(stored));
      }
      folds.set(streamId, state);
    }
    return folds;
  }
}

function missingFold(event: EventEnvelope): never {
  throw new Error(`coverage view: no fold for ${event.streamId} before version ${event.version}`);
}

/**
 * One statement for the page's rows (each account once: its last row-changing state), sent as
 * one JSON document: cheaper to encode than a dozen arrays whose JSON elements pg would escape
 * again one by one.
 */
async function upsertRows(
  tx: Transaction,
  rows: readonly { state: ContributionAccount; event: EventEnvelope }[],
): Promise<void> {
  const records = rows.map(({ state, event }) => {
    const record = coverageRecordOf(state);
    return {
      participant_id: record.participantId,
      standing: record.standing,
      paid_through: record.paidThrough,
      first_paid_month: record.firstPaidMonth,
      masa_iur_months: record.masaIurMonths,
      arrears_months: record.arrearsMonths,
      memberships: record.memberships,
      dues: record.dues,
      refunds: record.refunds,
      date_of_death: record.dateOfDeath,
      version: event.version,
      updated_at: event.recordedAt,
    };
  });
  await tx.query(
    `insert into coverage_view (participant_id, standing, paid_through, first_paid_month,
        masa_iur_months, arrears_months, memberships, dues, refunds, date_of_death, version, updated_at)
     select * from jsonb_to_recordset($1::jsonb) as row(participant_id text, standing text,
        paid_through text, first_paid_month text, masa_iur_months int, arrears_months jsonb,
        memberships jsonb, dues jsonb, refunds jsonb, date_of_death text, version int, updated_at text)
     on conflict (participant_id) do update set
        standing = excluded.standing, paid_through = excluded.paid_through,
        first_paid_month = excluded.first_paid_month, masa_iur_months = excluded.masa_iur_months,
        arrears_months = excluded.arrears_months, memberships = excluded.memberships,
        dues = excluded.dues, refunds = excluded.refunds, date_of_death = excluded.date_of_death,
        version = excluded.version, updated_at = excluded.updated_at`,
    [JSON.stringify(records)],
  );
}
