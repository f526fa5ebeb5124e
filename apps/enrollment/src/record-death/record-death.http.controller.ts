import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { participantChange, ParticipantChangeResponse } from '../shared/participant.dto';
import { ParticipantIdParams } from '../shared/participant-id.params';
import { RecordDeathDto } from './record-death.dto';
import { RecordDeathHandler } from './record-death.handler';

/**
 * An enrollment officer records a death the family or Dukcapil reported, before any claim;
 * claims' death register learns it from the ParticipantDeceased it publishes (ADR 0034).
 */
@ApiTags('participants')
@Controller('participants/:participantId/death')
export class RecordDeathController {
  constructor(@Inject(RecordDeathHandler) private readonly handler: RecordDeathHandler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Record a death reported to enrollment, on its death certificate (akta kematian)',
  })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    409: 'DEATH_DATE_CONFLICT',
    422: [
      'DEATH_DATE_INVALID',
      'DEATH_DATE_IN_FUTURE',
      'DEATH_DATE_BEFORE_BIRTH',
      'DEATH_CERTIFICATE_MISSING',
    ],
  })
  async record(
    @Param() params: ParticipantIdParams,
    @Body() body: RecordDeathDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ParticipantChangeResponse> {
    const result = await this.handler.record(
      params.participantId,
      {
        dateOfDeath: body.dateOfDeath,
        recordedBy: {
          kind: 'enrollment-officer',
          officerId: cause.actor.id,
          deathCertificateReference: body.deathCertificateReference,
        },
      },
      cause,
    );
    return participantChange(params.participantId, accepted(result));
  }
}
