import type { ServerResponse } from 'node:http';
import { Body, Controller, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProtectedRoute } from '../participants/api-responses';
import { ProblemDetailsDto } from '../participants/common.dto';
import { CorrelationId } from '../participants/correlation-id.decorator';
import { RegisterParticipantDto, RegistrationResponse } from './register-participant.dto';
import { RegisterParticipantHandler } from './register-participant.handler';

@ApiTags('participants')
@ProtectedRoute()
@Controller('participants')
export class RegisterParticipantController {
  constructor(
    @Inject(RegisterParticipantHandler) private readonly handler: RegisterParticipantHandler,
  ) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Register a BPU participant',
    description:
      'Idempotent by NIK: the same NIK with the same data answers 200 with the same participant; ' +
      'with other data, 409 PARTICIPANT_ALREADY_REGISTERED naming the existing participantId.',
  })
  @ApiCreatedResponse({ type: RegistrationResponse, description: 'Registered.' })
  @ApiOkResponse({ type: RegistrationResponse, description: 'Already registered with this data.' })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'PARTICIPANT_ALREADY_REGISTERED' })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetailsDto,
    description:
      'NIK_* (format, region, date, sex), INCOME_BELOW_FLOOR, ADDRESS_REGENCY_UNKNOWN, …',
  })
  async register(
    @Body() body: RegisterParticipantDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<RegistrationResponse> {
    const outcome = await this.handler.register(
      {
        nik: body.nik,
        fullName: body.fullName,
        birthDate: body.birthDate,
        sex: body.sex,
        address: { line: body.address.line, regencyCode: body.address.regencyCode },
        phone: body.phone,
        occupation: body.occupation,
        declaredIncome: body.declaredIncome,
        incomeEffectiveFrom: body.incomeEffectiveFrom,
        membership:
          body.sponsorProgramId === undefined
            ? { kind: 'self-paying' }
            : { kind: 'sponsored', programId: body.sponsorProgramId },
      },
      actor,
      correlationId,
    );
    if (!outcome.created) response.statusCode = HttpStatus.OK;
    return {
      participantId: outcome.participantId,
      outcome: outcome.created ? 'registered' : 'already-registered',
    };
  }
}
