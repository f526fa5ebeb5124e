import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiProblems,
  CorrelationId,
  CurrentActor,
  Roles,
  ServiceRuntime,
  type Actor,
} from '@santunan/platform';
import { acknowledge } from '../participants/acknowledge';
import { ParticipantCommands } from '../participants/participant-commands';
import { ParticipantIdParams } from '../participants/participant-id.params';
import { ChildRegistrationResponse, RegisterChildDto } from './register-child.dto';

@ApiTags('participants')
@Controller('participants/:participantId/children')
export class RegisterChildController {
  constructor(
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ChildRegistrationResponse> {
    const childId = body.childId ?? this.runtime.ids.next();
    const result = await this.participants.handle({
      participantId: params.participantId,
      command: {
        type: 'RegisterChild',
        childId,
        fullName: body.fullName,
        birthDate: body.birthDate,
        relationship: body.relationship,
      },
      actor,
      correlationId,
    });
    return { ...acknowledge(params.participantId, result), childId };
  }
}
