import { Body, Controller, Inject, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { participantChange, ParticipantChangeResponse } from '../shared/participant.dto';
import { ParticipantIdParams } from '../shared/participant-id.params';
import { CorrectParticipantDetailsDto } from './correct-participant-details.dto';
import { CorrectParticipantDetailsHandler } from './correct-participant-details.handler';

@ApiTags('participants')
@Controller('participants/:participantId/details')
export class CorrectParticipantDetailsController {
  constructor(
    @Inject(CorrectParticipantDetailsHandler)
    private readonly handler: CorrectParticipantDetailsHandler,
  ) {}

  @Patch()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Correct a participant’s name, address, phone or occupation, with a reason',
  })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    422: ['CORRECTION_EMPTY', 'NAME_BLANK', 'ADDRESS_REGENCY_UNKNOWN'],
  })
  async correct(
    @Param() params: ParticipantIdParams,
    @Body() body: CorrectParticipantDetailsDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ParticipantChangeResponse> {
    const { actor, correlationId } = cause;
    const result = await this.handler.correct(params.participantId, body, {
      actor,
      correlationId,
    });
    return participantChange(params.participantId, accepted(result));
  }
}
