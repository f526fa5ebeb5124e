import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import type { Actor, EventContext } from '@santunan/platform';
import { jakartaDateOf } from '../shared/local-date';
import {
  ParticipantFactsStore,
  type ChildRegistered,
  type DetailsCorrected,
  type Registered,
} from './participant-facts.store';
import { RecordReportedDeathHandler } from './record-reported-death.handler';

/** Stable: names the consumer group and its inbox rows. */
export const ENROLLMENT_FACTS_CONSUMER = 'enrollment-facts';

/** The consumer acts for the enrollment context; who recorded the death is in the event. */
export const ENROLLMENT_DEATHS_ACTOR: Actor = { id: 'claims.enrollment-deaths', kind: 'system' };

const on = <Type extends EnrollmentEventType>(type: Type): Type => type;

/** Enrollment's events into the local participant projection, in the inbox's transaction. */
@Controller()
export class EnrollmentEventsKafkaController {
  constructor(
    @Inject(ParticipantFactsStore) private readonly participants: ParticipantFactsStore,
    @Inject(RecordReportedDeathHandler) private readonly deaths: RecordReportedDeathHandler,
  ) {}

  @EventPattern(on('ParticipantRegistered'))
  async registered(
    @Payload() data: Registered,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.participants.registered(transaction, data, jakartaDateOf(event.occurredAt));
  }

  @EventPattern(on('ParticipantDetailsCorrected'))
  async detailsCorrected(
    @Payload() data: DetailsCorrected,
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await this.participants.detailsCorrected(transaction, data);
  }

  @EventPattern(on('DeclaredIncomeChanged'))
  async declaredIncomeChanged(
    @Payload() data: EnrollmentEventMap['DeclaredIncomeChanged'],
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await this.participants.declaredIncomeChanged(transaction, data);
  }

  @EventPattern(on('HeirsDesignated'))
  async heirsDesignated(
    @Payload() data: EnrollmentEventMap['HeirsDesignated'],
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await this.participants.heirsDesignated(transaction, data);
  }

  @EventPattern(on('ChildRegisteredForScholarship'))
  async childRegistered(
    @Payload() data: ChildRegistered,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.participants.childRegistered(transaction, data, jakartaDateOf(event.occurredAt));
  }

  @EventPattern(on('ParticipantDeceased'))
  async participantDeceased(
    @Payload() data: EnrollmentEventMap['ParticipantDeceased'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.participants.deceased(transaction, data);
    await this.deaths.record(transaction, data, event.eventId, {
      actor: ENROLLMENT_DEATHS_ACTOR,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    });
  }
}
