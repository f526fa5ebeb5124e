import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { ProgramIdParams } from '../program-report/program-report.dto';
import { ProgramAccess } from '../shared/program-access';
import { EnrolmentDto, EnrolParticipantDto } from './enrol-participant.dto';
import { EnrolParticipantHandler } from './enrol-participant.handler';

@ApiTags('sponsor programs')
@Controller('programs/:programId/enrolments')
export class EnrolParticipantController {
  constructor(
    @Inject(EnrolParticipantHandler) private readonly enrolment: EnrolParticipantHandler,
    @Inject(ProgramAccess) private readonly access: ProgramAccess,
  ) {}

  @Post()
  @Roles('sponsor-operator', 'admin')
  @ApiOperation({
    summary: 'Enrol a participant: commits budget; refused past the quota',
    description:
      'Participants registered by enrollment with a sponsored membership are enrolled automatically.',
  })
  @ApiCreatedResponse({ type: EnrolmentDto })
  @ApiProblems({
    403: 'PROGRAM_NOT_OPERATED',
    404: ['PROGRAM_NOT_FOUND', 'ACCOUNT_NOT_OPENED'],
    409: [
      'PROGRAM_QUOTA_EXHAUSTED',
      'PROGRAM_CLOSED',
      'PARTICIPANT_ALREADY_ENROLLED',
      'SPONSORSHIP_CONFLICT',
      'PARTICIPANT_DECEASED',
      'MONTHS_ALREADY_PAID',
    ],
    422: ['ENROLMENT_OUTSIDE_COVERAGE', 'ENROLMENT_START_IN_THE_PAST'],
  })
  async enrol(
    @Param() params: ProgramIdParams,
    @Body() body: EnrolParticipantDto,
    @RequestCause() cause: CommandCause,
  ): Promise<EnrolmentDto> {
    const { actor } = cause;
    await this.access.check(actor, params.programId);
    const outcome = accepted(
      await this.enrolment.enrol({
        programId: params.programId,
        participantId: body.participantId,
        fromMonth: body.fromMonth,
        metadata: cause,
      }),
    );
    const { enrolment } = outcome;
    return {
      programId: params.programId,
      participantId: enrolment.participantId,
      enrolmentNumber: enrolment.enrolmentNumber,
      fromMonth: enrolment.fromMonth,
      toMonth: enrolment.toMonth,
      commitment: enrolment.commitment,
      changed: outcome.changed,
    };
  }
}
