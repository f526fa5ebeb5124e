import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { CoverageEvent } from '@santunan/claims-domain';
import type { ContributionsEventMap, ContributionsEventType } from '@santunan/contracts';
import type { EventContext } from '@santunan/platform';
import { jakartaDateOf } from '../shared/local-date';
import { ReassessPendingClaimHandler } from '../reassess-pending-claim/reassess-pending-claim.handler';
import { CoverageFactsStore } from './coverage-facts.store';

/** Stable: names the consumer group and its inbox rows. */
export const CONTRIBUTIONS_FACTS_CONSUMER = 'contributions-facts';

const on = <Type extends ContributionsEventType>(type: Type): Type => type;

/** A payload as published (checked against its JSON Schema by the transport). */
type Published<Type extends ContributionsEventType> = ContributionsEventMap[Type];

/**
 * The local coverage projection, kept from `contributions.events`: each event is folded into
 * the participant's coverage facts in the inbox's transaction. A sponsor's payment, and a
 * sponsor's grace running out, also re-assess the participant's claims that wait for it
 * (product decision 1) — in the same transaction, so they see the payment just folded in.
 */
@Controller()
export class ContributionsEventsKafkaController {
  constructor(
    @Inject(CoverageFactsStore) private readonly coverage: CoverageFactsStore,
    @Inject(ReassessPendingClaimHandler) private readonly reassessor: ReassessPendingClaimHandler,
  ) {}

  @EventPattern(on('SponsorshipStarted'))
  async sponsorshipStarted(
    @Payload() { participantId, programId, fromMonth, toMonth }: Published<'SponsorshipStarted'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, {
      type: 'SponsorshipStarted',
      data: { programId, fromMonth, toMonth },
    });
  }

  @EventPattern(on('ParticipantSponsorshipEnded'))
  async sponsorshipEnded(
    @Payload() { participantId, programId, lastMonth }: Published<'ParticipantSponsorshipEnded'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, {
      type: 'ParticipantSponsorshipEnded',
      data: { programId, lastMonth },
    });
  }

  @EventPattern(on('SelfPayingMembershipStarted'))
  async selfPayingStarted(
    @Payload() { participantId, fromMonth }: Published<'SelfPayingMembershipStarted'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, {
      type: 'SelfPayingMembershipStarted',
      data: { fromMonth },
    });
  }

  @EventPattern(on('ContributionPaid'))
  async contributionPaid(
    @Payload() data: Published<'ContributionPaid'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { participantId, month, payer, paymentReference, paidAt, paidOn, coverageExtended } =
      data;
    await this.fold(context, participantId, {
      type: 'ContributionPaid',
      data: { month, payer, paymentReference, paidAt, paidOn, coverageExtended },
    });
    if (payer.kind === 'program') {
      await this.reassessor.reassess(context.transaction, participantId, context.event);
    }
  }

  @EventPattern(on('CoverageExtended'))
  async coverageExtended(
    @Payload() { participantId, firstPaidMonth }: Published<'CoverageExtended'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, { type: 'CoverageExtended', data: { firstPaidMonth } });
  }

  @EventPattern(on('CoverageLapsed'))
  async coverageLapsed(
    @Payload() { participantId, unpaidMonths, cause }: Published<'CoverageLapsed'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, {
      type: 'CoverageLapsed',
      data: { unpaidMonths, cause },
    });
  }

  @EventPattern(on('CoverageReinstated'))
  async coverageReinstated(
    @Payload() { participantId, from }: Published<'CoverageReinstated'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, { type: 'CoverageReinstated', data: { from } });
  }

  @EventPattern(on('RefundDue'))
  async refundDue(
    @Payload() { participantId, lines }: Published<'RefundDue'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.fold(context, participantId, {
      type: 'RefundDue',
      data: { lines: lines.map(({ month, paymentReference }) => ({ month, paymentReference })) },
    });
  }

  @EventPattern(on('ContributionGraceExpired'))
  async graceExpired(
    @Payload() { participantId }: Published<'ContributionGraceExpired'>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await this.reassessor.reassess(context.transaction, participantId, context.event);
  }

  private async fold(
    { event, transaction }: EventContext,
    participantId: string,
    coverageEvent: CoverageEvent,
  ): Promise<void> {
    await this.coverage.apply(
      transaction,
      participantId,
      coverageEvent,
      jakartaDateOf(event.occurredAt),
    );
  }
}
