import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import type { EventContext, Sealed } from '@santunan/platform';
import { jakartaDateOf } from '../shared/local-date';

// Payloads as published (checked against their JSON Schemas by the transport); names stay
// sealed as they came and are decrypted only where a claim is read.
type Registered = Sealed<EnrollmentEventMap['ParticipantRegistered'], 'fullName'>;
type DetailsCorrected = Sealed<EnrollmentEventMap['ParticipantDetailsCorrected'], 'fullName'>;
type ChildRegistered = Sealed<EnrollmentEventMap['ChildRegisteredForScholarship'], 'fullName'>;

/** Stable: names the consumer group and its inbox rows. */
export const ENROLLMENT_FACTS_CONSUMER = 'enrollment-facts';

const on = <Type extends EnrollmentEventType>(type: Type): Type => type;

/**
 * The local participant projection (ClaimFacts.participant, heirs, children, the regency of
 * the work queue), kept from `enrollment.events`. Each handler writes through the inbox's
 * transaction only, so an event is applied exactly once.
 */
@Controller()
export class EnrollmentEventsKafkaController {
  @EventPattern(on('ParticipantRegistered'))
  async registered(
    @Payload() data: Registered,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    // Enrollment publishes no registration date: the day the registration happened is the day.
    await transaction.query(
      `insert into participants (participant_id, full_name, birth_date, regency_code, membership,
          registered_on)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (participant_id) do nothing`,
      [
        data.participantId,
        JSON.stringify(data.fullName),
        data.birthDate,
        data.address.regencyCode,
        JSON.stringify(data.membership),
        jakartaDateOf(event.occurredAt),
      ],
    );
    await transaction.query(
      `insert into participant_income (participant_id, effective_from, declared_income)
       values ($1, $2, $3) on conflict do nothing`,
      [data.participantId, data.incomeEffectiveFrom, data.declaredIncome],
    );
  }

  @EventPattern(on('ParticipantDetailsCorrected'))
  async detailsCorrected(
    @Payload() data: DetailsCorrected,
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      `update participants set
            full_name = coalesce($2::jsonb, full_name),
            regency_code = coalesce($3, regency_code),
            updated_at = now()
          where participant_id = $1`,
      [
        data.participantId,
        data.fullName === undefined ? null : JSON.stringify(data.fullName),
        data.address?.regencyCode ?? null,
      ],
    );
  }

  @EventPattern(on('DeclaredIncomeChanged'))
  async declaredIncomeChanged(
    @Payload() data: EnrollmentEventMap['DeclaredIncomeChanged'],
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      `insert into participant_income (participant_id, effective_from, declared_income)
       values ($1, $2, $3)
       on conflict (participant_id, effective_from) do update set declared_income = $3`,
      [data.participantId, data.effectiveFrom, data.declaredIncome],
    );
  }

  @EventPattern(on('HeirsDesignated'))
  async heirsDesignated(
    @Payload() data: EnrollmentEventMap['HeirsDesignated'],
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    // A designation replaces the list; names and accounts stay sealed as they came.
    await transaction.query(
      `insert into participant_heirs (participant_id, heirs) values ($1, $2)
       on conflict (participant_id) do update set heirs = $2`,
      [data.participantId, JSON.stringify(data.heirs)],
    );
  }

  @EventPattern(on('ChildRegisteredForScholarship'))
  async childRegistered(
    @Payload() data: ChildRegistered,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      `insert into participant_children (child_id, participant_id, full_name, birth_date,
          registered_on)
       values ($1, $2, $3, $4, $5) on conflict (child_id) do nothing`,
      [
        data.childId,
        data.participantId,
        JSON.stringify(data.fullName),
        data.birthDate,
        jakartaDateOf(event.occurredAt),
      ],
    );
  }

  @EventPattern(on('ParticipantDeceased'))
  async participantDeceased(
    @Payload() data: EnrollmentEventMap['ParticipantDeceased'],
    @Ctx() { transaction }: EventContext,
  ): Promise<void> {
    await transaction.query(
      'update participants set date_of_death = $2, updated_at = now() where participant_id = $1',
      [data.participantId, data.dateOfDeath],
    );
  }
}
