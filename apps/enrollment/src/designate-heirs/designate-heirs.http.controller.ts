import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { participantChange, ParticipantChangeResponse } from '../shared/participant.dto';
import { ParticipantIdParams } from '../shared/participant-id.params';
import { DesignateHeirsDto } from './designate-heirs.dto';
import { DesignateHeirsHandler } from './designate-heirs.handler';

@ApiTags('participants')
@Controller('participants/:participantId/heirs')
export class DesignateHeirsController {
  constructor(@Inject(DesignateHeirsHandler) private readonly handler: DesignateHeirsHandler) {}

  @Put()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Designate the heirs (ahli waris) with relationship and bank account',
    description:
      'Replaces the list. Names and bank accounts are sealed with the participant’s key.',
  })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({ 404: 'PARTICIPANT_NOT_REGISTERED', 422: 'HEIR_INVALID' })
  async designate(
    @Param() params: ParticipantIdParams,
    @Body() body: DesignateHeirsDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ParticipantChangeResponse> {
    const { actor, correlationId } = cause;
    const result = await this.handler.designate(params.participantId, body.heirs, {
      actor,
      correlationId,
    });
    return participantChange(params.participantId, accepted(result));
  }
}
