import type { ServerResponse } from 'node:http';
import { Body, Controller, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { RegisterParticipantDto, RegistrationResponse } from './register-participant.dto';
import { RegisterParticipantHandler } from './register-participant.handler';

@ApiTag(
  'participants',
  'BPU participants: registration, corrections, declared income, heirs, children, and the read side (profile, history, search) with personal data masked by role.',
)
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
  @ApiProblems({
    409: ['PARTICIPANT_ALREADY_REGISTERED', 'PARTICIPANT_DECEASED'],
    422: [
      'NIK_FORMAT',
      'NIK_PROVINCE_UNKNOWN',
      'NIK_REGENCY_UNKNOWN',
      'NIK_DISTRICT_INVALID',
      'NIK_DISTRICT_UNKNOWN',
      'NIK_DATE_INVALID',
      'NIK_BIRTH_DATE_MISMATCH',
      'NIK_SEX_MISMATCH',
      'NIK_SERIAL_INVALID',
      'NAME_BLANK',
      'DATE_INVALID',
      'BIRTH_DATE_IN_FUTURE',
      'ADDRESS_REGENCY_UNKNOWN',
      'INCOME_NOT_INTEGER_RUPIAH',
      'INCOME_BELOW_FLOOR',
      'INCOME_ABOVE_CEILING',
      'INCOME_EFFECTIVE_MONTH_INVALID',
    ],
  })
  async register(
    @Body() body: RegisterParticipantDto,
    @RequestCause() cause: CommandCause,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<RegistrationResponse> {
    const { participantId, result } = await this.handler.register(
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
      cause,
    );
    const created = accepted(result).events.length > 0;
    if (!created) response.statusCode = HttpStatus.OK;
    return { participantId, outcome: created ? 'registered' : 'already-registered' };
  }
}
