import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { monthOf } from '@santunan/domain-kernel';
import { sectorOfOccupation } from '@santunan/contributions-domain';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  accepted,
  type Actor,
  type ConsumedEvent,
  type EventContext,
  type Transaction,
} from '@santunan/platform';
import { ContributionsServices } from '../contributions.services';

// Payloads as published (checked against their JSON Schemas by the transport). Only
// participantId, occupation, income and membership are read here, none of them personal data.
type Registered = EnrollmentEventMap['ParticipantRegistered'];

/** The consumer acts for the enrollment context; the officer is on the cause. */
export const ENROLLMENT_ACTOR: Actor = {
  id: 'contributions.enrollment-participants',
  kind: 'system',
};

const type = (name: EnrollmentEventType): EnrollmentEventType => name;

function metadataOf(event: ConsumedEvent<unknown>) {
  return {
    actor: ENROLLMENT_ACTOR,
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
  };
}

/**
 * A registration opens the contribution account. A self-paying membership starts with it (and
 * the current month is billed); a sponsored one enrols the participant into the program,
 * which commits budget — the account's sponsorship follows from the program's event (the
 * sponsorship process). Everything commits with the inbox row; a refusal (unknown program,
 * quota exhausted, coverage over) rolls it all back and parks the registration in the DLQ
 * with the reason, to be replayed once an operator has decided.
 */
async function register(
  services: ContributionsServices,
  data: Registered,
  event: ConsumedEvent<unknown>,
  tx: Transaction,
): Promise<void> {
  const { participantId, occupation, declaredIncome, incomeEffectiveFrom, membership } = data;
  const metadata = metadataOf(event);
  accepted(
    await services.accounts.handle(
      participantId,
      {
        type: 'OpenContributionAccount',
        participantId,
        sector: sectorOfOccupation(occupation),
        declaredIncome,
        incomeEffectiveFrom,
        membership:
          membership.kind === 'sponsored' && membership.programId !== undefined
            ? { kind: 'sponsored', programId: membership.programId }
            : { kind: 'self-paying' },
      },
      { ...metadata, alongside: (inTx) => services.accountRegistry.register(inTx, participantId) },
      tx,
    ),
    `account of ${participantId}`,
  );
  if (membership.kind === 'self-paying' || membership.programId === undefined) {
    accepted(
      await services.accounts.handle(
        participantId,
        { type: 'BillContributionMonth', month: monthOf(services.context.today()) },
        metadata,
        tx,
      ),
      `first bill of ${participantId}`,
    );
    return;
  }
  accepted(
    await services.enrolment.enrol(
      { programId: membership.programId, participantId, metadata },
      tx,
    ),
    `enrolment of ${participantId} in ${membership.programId}`,
  );
}

/** enrollment.events → contribution accounts (registration, income, death). */
@Controller()
export class EnrollmentEventsKafkaController {
  constructor(@Inject(ContributionsServices) private readonly services: ContributionsServices) {}

  @EventPattern(type('ParticipantRegistered'))
  async registered(
    @Payload() data: Registered,
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await register(this.services, data, event, transaction);
  }

  @EventPattern(type('DeclaredIncomeChanged'))
  async declaredIncomeChanged(
    @Payload() data: EnrollmentEventMap['DeclaredIncomeChanged'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const { participantId, declaredIncome, effectiveFrom } = data;
    accepted(
      await this.services.accounts.handle(
        participantId,
        { type: 'RecordDeclaredIncome', declaredIncome, effectiveFrom },
        metadataOf(event),
        transaction,
      ),
      `income of ${participantId}`,
    );
  }

  @EventPattern(type('ParticipantDeceased'))
  async participantDeceased(
    @Payload() data: EnrollmentEventMap['ParticipantDeceased'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    await this.services.death.record(
      data.participantId,
      data.dateOfDeath,
      metadataOf(event),
      transaction,
    );
  }
}
