import { Injectable } from '@nestjs/common';
import type { EnrollmentEventMap } from '@santunan/contracts';
import type { Sealed, Transaction } from '@santunan/platform';

// Payloads as published (checked against their JSON Schemas by the transport); names stay
// sealed as they came and are decrypted only where a claim is read.
export type Registered = Sealed<EnrollmentEventMap['ParticipantRegistered'], 'fullName'>;
export type DetailsCorrected = Sealed<
  EnrollmentEventMap['ParticipantDetailsCorrected'],
  'fullName'
>;
export type ChildRegistered = Sealed<
  EnrollmentEventMap['ChildRegisteredForScholarship'],
  'fullName'
>;

/**
 * The local participant projection (ClaimFacts.participant, heirs, children, the regency of
 * the work queue), kept from `enrollment.events`. Each write goes through the consumer's
 * inbox transaction only, so an event is applied exactly once.
 */
@Injectable()
export class ParticipantFactsStore {
  /** Enrollment publishes no registration date: the day the registration happened is the day. */
  async registered(tx: Transaction, data: Registered, occurredOn: string): Promise<void> {
    await tx.query(
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
        occurredOn,
      ],
    );
    await tx.query(
      `insert into participant_income (participant_id, effective_from, declared_income)
       values ($1, $2, $3) on conflict do nothing`,
      [data.participantId, data.incomeEffectiveFrom, data.declaredIncome],
    );
  }

  async detailsCorrected(tx: Transaction, data: DetailsCorrected): Promise<void> {
    await tx.query(
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

  async declaredIncomeChanged(
    tx: Transaction,
    data: EnrollmentEventMap['DeclaredIncomeChanged'],
  ): Promise<void> {
    await tx.query(
      `insert into participant_income (participant_id, effective_from, declared_income)
       values ($1, $2, $3)
       on conflict (participant_id, effective_from) do update set declared_income = $3`,
      [data.participantId, data.effectiveFrom, data.declaredIncome],
    );
  }

  /** A designation replaces the list; names and accounts stay sealed as they came. */
  async heirsDesignated(
    tx: Transaction,
    data: EnrollmentEventMap['HeirsDesignated'],
  ): Promise<void> {
    await tx.query(
      `insert into participant_heirs (participant_id, heirs) values ($1, $2)
       on conflict (participant_id) do update set heirs = $2`,
      [data.participantId, JSON.stringify(data.heirs)],
    );
  }

  async childRegistered(tx: Transaction, data: ChildRegistered, occurredOn: string): Promise<void> {
    await tx.query(
      `insert into participant_children (child_id, participant_id, full_name, birth_date,
          registered_on)
       values ($1, $2, $3, $4, $5) on conflict (child_id) do nothing`,
      [data.childId, data.participantId, JSON.stringify(data.fullName), data.birthDate, occurredOn],
    );
  }

  async deceased(tx: Transaction, data: EnrollmentEventMap['ParticipantDeceased']): Promise<void> {
    await tx.query(
      'update participants set date_of_death = $2, updated_at = now() where participant_id = $1',
      [data.participantId, data.dateOfDeath],
    );
  }
}
