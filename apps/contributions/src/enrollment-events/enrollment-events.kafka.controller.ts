import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { monthOf } from '@santunan/domain-kernel';
import { sectorOfOccupation } from '@santunan/contributions-domain';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Actor, ConsumedEvent, EventContext, Transaction } from '@santunan/platform';
import { ContributionsServices } from '../contributions.services';
import { CommandRefusedError } from '../shared/rejection.problem';

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
  const opened = await services.accounts.handle(
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
  );
  if (!opened.ok) throw new CommandRefusedError(`account of ${participantId}`, opened.rejection);
  if (membership.kind === 'self-paying' || membership.programId === undefined) {
    const billed = await services.accounts.handle(
      participantId,
      { type: 'BillContributionMonth', month: monthOf(services.context.today()) },
      metadata,
      tx,
    );
    if (!billed.ok)
      throw new CommandRefusedError(`first bill of ${participantId}`, billed.rejection);
    return;
  }
  const enrolled = await services.enrolment.enrol(
    { programId: membership.programId, participantId, metadata },
    tx,
  );
  if (!enrolled.ok) {
    throw new CommandRefusedError(
      `enrolment of ${participantId} in ${membership.programId}`,
      enrolled.rejection,
    );
  }
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
    const result = await this.services.accounts.handle(
      participantId,
      { type: 'RecordDeclaredIncome', declaredIncome, effectiveFrom },
      metadataOf(event),
      transaction,
    );
    if (!result.ok) throw new CommandRefusedError(`income of ${participantId}`, result.rejection);
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
