import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { participantChange } from '../shared/participant.dto';
import { ParticipantIdParams } from '../shared/participant-id.params';
import { ChildRegistrationResponse, RegisterChildDto } from './register-child.dto';
import { RegisterChildHandler } from './register-child.handler';

@ApiTags('participants')
@Controller('participants/:participantId/children')
export class RegisterChildController {
  constructor(@Inject(RegisterChildHandler) private readonly handler: RegisterChildHandler) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Register a child for scholarships (at most two)',
    description: 'A third child is refused with 409 CHILD_LIMIT_REACHED (PP 82/2019).',
  })
  @ApiCreatedResponse({ type: ChildRegistrationResponse })
  @ApiProblems({
    404: 'PARTICIPANT_NOT_REGISTERED',
    409: 'CHILD_LIMIT_REACHED',
    422: ['CHILD_INVALID', 'DATE_INVALID', 'BIRTH_DATE_IN_FUTURE'],
  })
  async register(
    @Param() params: ParticipantIdParams,
    @Body() body: RegisterChildDto,
    @RequestCause() cause: CommandCause,
  ): Promise<ChildRegistrationResponse> {
    const { actor, correlationId } = cause;
    const { childId, result } = await this.handler.register(params.participantId, body, {
      actor,
      correlationId,
    });
    return { ...participantChange(params.participantId, accepted(result)), childId };
  }
}
