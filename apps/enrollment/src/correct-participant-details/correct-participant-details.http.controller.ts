import { Body, Controller, Inject, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CorrelationId, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { acknowledge } from '../participants/acknowledge';
import { ParticipantChangeResponse } from '../participants/common.dto';
import { ParticipantCommands } from '../participants/participant-commands';
import { ParticipantIdParams } from '../participants/participant-id.params';
import { CorrectParticipantDetailsDto } from './correct-participant-details.dto';

@ApiTags('participants')
@Controller('participants/:participantId/details')
export class CorrectParticipantDetailsController {
  constructor(@Inject(ParticipantCommands) private readonly participants: ParticipantCommands) {}

  @Patch()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Correct a participant’s name, address, phone or occupation, with a reason',
  })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    422: ['CORRECTION_EMPTY', 'ADDRESS_REGENCY_UNKNOWN'],
  })
  async correct(
    @Param() params: ParticipantIdParams,
    @Body() body: CorrectParticipantDetailsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ParticipantChangeResponse> {
    const result = await this.participants.handle({
      participantId: params.participantId,
      command: {
        type: 'CorrectParticipantDetails',
        reason: body.reason,
        ...(body.fullName === undefined ? {} : { fullName: body.fullName }),
        ...(body.address === undefined
          ? {}
          : { address: { line: body.address.line, regencyCode: body.address.regencyCode } }),
        ...(body.phone === undefined ? {} : { phone: body.phone }),
        ...(body.occupation === undefined ? {} : { occupation: body.occupation }),
      },
      actor,
      correlationId,
    });
    return acknowledge(params.participantId, result);
  }
}
