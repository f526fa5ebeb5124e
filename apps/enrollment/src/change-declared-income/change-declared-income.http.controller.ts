import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@santunan/platform';
import { acknowledge } from '../participants/acknowledge';
import { ProtectedRoute } from '../participants/api-responses';
import { ParticipantChangeResponse, ProblemDetailsDto } from '../participants/common.dto';
import { CorrelationId } from '../participants/correlation-id.decorator';
import { ParticipantCommands } from '../participants/participant-commands';
import { ParticipantIdParams } from '../participants/participant-id.params';
import { ChangeDeclaredIncomeDto } from './change-declared-income.dto';

@ApiTags('participants')
@ProtectedRoute()
@Controller('participants/:participantId/income-changes')
export class ChangeDeclaredIncomeController {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({ summary: 'Change the declared income from a later month' })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'PARTICIPANT_NOT_REGISTERED' })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'PARTICIPANT_DECEASED' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetailsDto,
    description: 'INCOME_BELOW_FLOOR, INCOME_EFFECTIVE_MONTH_INVALID',
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
