import type { ContributionAccountEvent, ContributionAccountEventType } from '@santunan/contracts';
import {
  evolveContributionAccount,
  initialContributionAccountState,
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
 * predecessor's); otherwise the account's stream is read again up to the event.
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
    const state = await this.foldThrough(tx, event);
    this.folds.remember(event.streamId, { state, version: event.version, hash: event.hash });
    if (state.status === 'not-opened') return;
    if (!COVERAGE_ROW_CHANGES[event.type as ContributionAccountEventType]) return;
    const record = coverageRecordOf(state);
    await tx.query(
      `insert into coverage_view (participant_id, standing, paid_through, first_paid_month,
          masa_iur_months, arrears_months, memberships, dues, refunds, date_of_death, version, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (participant_id) do update set
          standing = excluded.standing, paid_through = excluded.paid_through,
          first_paid_month = excluded.first_paid_month, masa_iur_months = excluded.masa_iur_months,
          arrears_months = excluded.arrears_months, memberships = excluded.memberships,
          dues = excluded.dues, refunds = excluded.refunds, date_of_death = excluded.date_of_death,
          version = excluded.version, updated_at = excluded.updated_at`,
      [
        record.participantId,
        record.standing,
        record.paidThrough,
        record.firstPaidMonth,
        record.masaIurMonths,
        JSON.stringify(record.arrearsMonths),
        JSON.stringify(record.memberships),
        JSON.stringify(record.dues),
        JSON.stringify(record.refunds),
        record.dateOfDeath,
        event.version,
        event.recordedAt,
      ],
    );
  }

  /** The account as of `event`: from the fold before it when held, else from its stream. */
  private async foldThrough(
    tx: Transaction,
    event: EventEnvelope,
  ): Promise<ContributionAccountState> {
    const before = this.folds
      .candidates(event.streamId)
      .find((fold) => fold.version === event.version - 1 && fold.hash === event.previousHash);
    if (before !== undefined) return evolveContributionAccount(before.state, domainEventOf(event));
    const history = await this.store.readStream(tx, event.streamId);
    let state = initialContributionAccountState();
    for (const stored of history) {
      if (stored.version > event.version) break;
      state = evolveContributionAccount(state, domainEventOf(stored));
    }
    return state;
  }
}
