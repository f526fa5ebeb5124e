import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { accepted, type EventContext } from '@santunan/platform';
import { causeOf, ENROLLMENT_ACTOR } from '../shared/consumer-causes';
import { RecordDeclaredIncomeHandler } from './record-declared-income.handler';

const DECLARED_INCOME_CHANGED: EnrollmentEventType = 'DeclaredIncomeChanged';

/** enrollment.events DeclaredIncomeChanged → the account (consumer `enrollment-participants`). */
@Controller()
export class RecordDeclaredIncomeKafkaController {
  constructor(
    @Inject(RecordDeclaredIncomeHandler) private readonly handler: RecordDeclaredIncomeHandler,
  ) {}

  @EventPattern(DECLARED_INCOME_CHANGED)
  async declaredIncomeChanged(
    @Payload() data: EnrollmentEventMap['DeclaredIncomeChanged'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    accepted(
      await this.handler.record(data, causeOf(event, ENROLLMENT_ACTOR), transaction),
      `income of ${data.participantId}`,
    );
  }
}
