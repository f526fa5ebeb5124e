import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { participantChange, ParticipantChangeResponse } from '../shared/participant.dto';
import { ParticipantIdParams } from '../shared/participant-id.params';
import { ChangeDeclaredIncomeDto } from './change-declared-income.dto';
import { ChangeDeclaredIncomeHandler } from './change-declared-income.handler';

@ApiTags('participants')
@Controller('participants/:participantId/income-changes')
export class ChangeDeclaredIncomeController {
  constructor(
    @Inject(ChangeDeclaredIncomeHandler) private readonly handler: ChangeDeclaredIncomeHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({ summary: 'Change the declared income from a later month' })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    409: 'PARTICIPANT_DECEASED',
    422: [
      'INCOME_NOT_INTEGER_RUPIAH',
      'INCOME_BELOW_FLOOR',
      'INCOME_ABOVE_CEILING',
      'INCOME_EFFECTIVE_MONTH_INVALID',
    ],
  })
  async change(
    @Param() params: ParticipantIdParams,
    @Body() body: ChangeDeclaredIncomeDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ParticipantChangeResponse> {
    const result = await this.handler.change(
      params.participantId,
      { declaredIncome: body.declaredIncome, effectiveFrom: body.effectiveFrom },
      cause,
    );
    return participantChange(params.participantId, accepted(result));
  }
}
