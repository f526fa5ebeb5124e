import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CorrelationId, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { acknowledge } from '../participants/acknowledge';
import { ParticipantChangeResponse } from '../participants/common.dto';
import { ParticipantCommands } from '../participants/participant-commands';
import { ParticipantIdParams } from '../participants/participant-id.params';
import { ChangeDeclaredIncomeDto } from './change-declared-income.dto';

@ApiTags('participants')
@Controller('participants/:participantId/income-changes')
export class ChangeDeclaredIncomeController {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({ summary: 'Change the declared income from a later month' })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    409: 'PARTICIPANT_DECEASED',
    422: ['INCOME_NOT_INTEGER_RUPIAH', 'INCOME_BELOW_FLOOR', 'INCOME_EFFECTIVE_MONTH_INVALID'],
  })
  async change(
    @Param() params: ParticipantIdParams,
    @Body() body: ChangeDeclaredIncomeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ParticipantChangeResponse> {
    const result = await this.participants.handle({
      participantId: params.participantId,
      command: {
        type: 'ChangeDeclaredIncome',
        declaredIncome: body.declaredIncome,
        effectiveFrom: body.effectiveFrom,
      },
      actor,
      correlationId,
    });
    return acknowledge(params.participantId, result);
  }
}
