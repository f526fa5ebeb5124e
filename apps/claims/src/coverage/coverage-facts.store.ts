import {
  emptyCoverageFacts,
  evolveCoverageFacts,
  type CoverageEvent,
  type CoverageFacts,
} from '@santunan/claims-domain';
import type { SqlExecutor, Transaction } from '@santunan/platform';

/**
 * The local coverage projection: per participant, the claims domain's CoverageFacts folded
 * from contributions events (paid months with payer and paid-on date, sponsorship periods,
 * lapses, the first paid month).
 */
export class CoverageFactsStore {
  /** Folds one event into the participant's facts, in the consumer's (inbox) transaction. */
  async apply(
    tx: Transaction,
    participantId: string,
    event: CoverageEvent,
    occurredOn: string,
  ): Promise<void> {
    await tx.query(
      `insert into participant_coverage (participant_id, coverage) values ($1, $2)
       on conflict (participant_id) do nothing`,
      [participantId, JSON.stringify(emptyCoverageFacts())],
    );
    // Events of one participant come from two streams (account and program), maybe on two
    // partitions: the row lock keeps their read-modify-write apart.
    const [row] = await tx.query<{ coverage: CoverageFacts }>(
      'select coverage from participant_coverage where participant_id = $1 for update',
      [participantId],
    );
    const next = evolveCoverageFacts(row?.coverage ?? emptyCoverageFacts(), event, occurredOn);
    await tx.query(
      'update participant_coverage set coverage = $2, updated_at = now() where participant_id = $1',
      [participantId, JSON.stringify(next)],
    );
  }

  /** Nothing known yet reads as nothing paid: the policies then refuse on coverage. */
  async read(executor: SqlExecutor, participantId: string): Promise<CoverageFacts> {
    const [row] = await executor.query<{ coverage: CoverageFacts }>(
      'select coverage from participant_coverage where participant_id = $1',
      [participantId],
    );
    return row?.coverage ?? emptyCoverageFacts();
  }
}
