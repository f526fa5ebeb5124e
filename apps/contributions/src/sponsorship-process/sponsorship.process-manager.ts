import type {
  ContributionsEventType,
  ParticipantSponsored,
  SponsorPaymentAllocated,
} from '@santunan/contracts';
import { monthOf } from '@santunan/domain-kernel';
import {
  sponsoredContributionsOf,
  sponsorshipEndAfterRefusal,
  sponsorshipStartOf,
  type ContributionAccountCommand,
  type ParticipantCommandOf,
} from '@santunan/contributions-domain';
import {
  accepted,
  type Actor,
  type CommandCause,
  type CommandResult,
  type DomainRejection,
  type EventEnvelope,
  type PlatformDatabase,
  type PlatformLogger,
} from '@santunan/platform';
import type { StoreSubscriber } from './store-subscription';
import type { ContributionAccounts } from '../shared/contribution-accounts';
import type { ContributionsContext } from '../shared/contributions-context';
import { runInParallel } from '../shared/parallel';
import type { SponsorPrograms } from '../shared/sponsor-programs';

export const SPONSORSHIP_PROCESS_ACTOR: Actor = {
  id: 'contributions.sponsorship-process',
  kind: 'system',
};

const HANDLED: ReadonlySet<ContributionsEventType> = new Set<ContributionsEventType>([
  'ParticipantSponsored',
  'SponsorPaymentAllocated',
]);

export interface FanOutOptions {
  /** Accounts per transaction. */
  readonly chunkSize: number;
  /** Transactions in flight at once. */
  readonly concurrency: number;
}

/** One account command, and the program event that caused it. */
interface Step {
  readonly cause: EventEnvelope;
  readonly participantId: string;
  readonly command: ContributionAccountCommand;
  readonly occurredAt?: string;
}

/**
 * Carries a program's decisions to the participants' accounts (docs/adr/0012):
 * - ParticipantSponsored → StartSponsorship on the account, then the current month billed
 *   (the monthly bill run may be past); refused because the participant died meanwhile → the
 *   program ends the sponsorship at the death month;
 * - SponsorPaymentAllocated (up to 1,000 participants each) → RecordSponsoredContribution on
 *   each account.
 * Accounts go in chunks of one transaction, several chunks at a time. Every command is
 * idempotent (the same share or sponsorship again is a no-op), so a run repeated after a
 * crash is harmless. What an account refuses is recorded in `process_failures` for an
 * operator; it does not hold up the others.
 */
export class SponsorshipProcessManager implements StoreSubscriber {
  readonly name = 'sponsorship-process';
  readonly types = [...HANDLED];

  constructor(
    private readonly database: PlatformDatabase,
    private readonly programs: SponsorPrograms,
    private readonly accounts: ContributionAccounts,
    private readonly context: ContributionsContext,
    private readonly fanOut: FanOutOptions,
    private readonly logger: PlatformLogger,
  ) {}

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const sponsored = events.filter((event) => event.type === 'ParticipantSponsored');
    const allocated = events.filter((event) => event.type === 'SponsorPaymentAllocated');
    if (sponsored.length > 0) await this.startSponsorships(sponsored);
    if (allocated.length > 0) await this.recordShares(allocated);
  }

  private async startSponsorships(events: readonly EventEnvelope[]): Promise<void> {
    const steps = events.map((cause): Step => {
      const data = cause.data as ParticipantSponsored;
      return { cause, participantId: data.participantId, command: sponsorshipStartOf(data) };
    });
    const started = await this.run(steps);
    const month = monthOf(this.context.today());
    await this.run(
      started.map((step) => ({ ...step, command: { type: 'BillContributionMonth', month } })),
    );
  }

  private async recordShares(events: readonly EventEnvelope[]): Promise<void> {
    await this.run(
      events.flatMap((cause) => {
        const data = cause.data as SponsorPaymentAllocated;
        return sponsoredContributionsOf(data).map(
          (share: ParticipantCommandOf<ContributionAccountCommand>): Step => ({
            cause,
            ...share,
            occurredAt: data.paidAt,
          }),
        );
      }),
    );
  }

  /** The steps in chunks; returns those accepted. Refusals are dealt with one by one. */
  private async run(steps: readonly Step[]): Promise<Step[]> {
    const chunks: Step[][] = [];
    for (let at = 0; at < steps.length; at += this.fanOut.chunkSize) {
      chunks.push(steps.slice(at, at + this.fanOut.chunkSize));
    }
    const accepted: Step[] = [];
    await runInParallel(chunks, this.fanOut.concurrency, async (chunk) => {
      const results = await this.accounts.handleMany(
        chunk.map((step) =>
          this.accounts.request(step.participantId, step.command, {
            ...this.causeOf(step.cause),
            occurredAt: step.occurredAt,
          }),
        ),
      );
      for (const [index, step] of chunk.entries()) {
        const result = results[index];
        if (result?.ok) accepted.push(step);
        else if (result !== undefined) await this.refused(step, result);
      }
    });
    return accepted;
  }

  private async refused(
    step: Step,
    result: Extract<CommandResult<unknown>, { ok: false }>,
  ): Promise<void> {
    if (step.cause.type === 'ParticipantSponsored') {
      const account = await this.accounts.load(step.participantId);
      const end = sponsorshipEndAfterRefusal(
        account.state,
        step.cause.data as ParticipantSponsored,
      );
      if (end !== null) {
        const { programId } = step.cause.data as ParticipantSponsored;
        accepted(
          await this.programs.handle(programId, end, this.causeOf(step.cause)),
          `end of ${step.participantId}`,
        );
      }
    }
    await this.recordFailure(step.cause, step.participantId, result.rejection);
  }

  private causeOf(event: EventEnvelope): CommandCause {
    return {
      actor: SPONSORSHIP_PROCESS_ACTOR,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    };
  }

  private async recordFailure(
    event: EventEnvelope,
    participantId: string,
    rejection: DomainRejection,
  ): Promise<void> {
    this.logger.warn(
      {
        event: { id: event.eventId, type: event.type, stream: event.streamId },
        participantId,
        code: rejection.code,
        reason: rejection.message,
      },
      `sponsorship process: ${event.type} for ${participantId} refused`,
    );
    await this.database.query(
      `insert into process_failures (process, event_id, participant_id, code, message)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [this.name, event.eventId, participantId, rejection.code, rejection.message],
    );
  }
}
