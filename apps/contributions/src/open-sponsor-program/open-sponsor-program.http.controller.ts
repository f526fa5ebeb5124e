import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { OpenSponsorProgramDto, SponsorProgramDto } from './open-sponsor-program.dto';
import { OpenSponsorProgramHandler } from './open-sponsor-program.handler';

@ApiTag(
  'sponsor programs',
  'Contribution-assistance programs: opening, enrolments within budget and quota, the sponsor’s monthly payments, statements and reports.',
)
@Controller('programs')
export class OpenSponsorProgramController {
  constructor(
    @Inject(OpenSponsorProgramHandler) private readonly handler: OpenSponsorProgramHandler,
  ) {}

  @Post()
  @Roles('sponsor-operator', 'admin')
  @ApiOperation({
    summary: 'Open a sponsor program: budget, coverage months, tariff from the rules, quota',
    description: 'The same opening sent again is answered with the program (changed: false).',
  })
  @ApiCreatedResponse({ type: SponsorProgramDto })
  @ApiProblems({
    409: 'PROGRAM_ALREADY_OPENED',
    422: [
      'PROGRAM_INVALID',
      'PROGRAM_BUDGET_TOO_SMALL',
      'PROGRAM_TARIFF_VARIES',
      'TARIFF_UNAVAILABLE',
    ],
  })
  async open(
    @Body() body: OpenSponsorProgramDto,
    @RequestCause() cause: CommandCause,
  ): Promise<SponsorProgramDto> {
    const { programId, operatorIds, ...terms } = body;
    const opened = accepted(await this.handler.open({ programId, operatorIds, terms }, cause));
    const program = opened.state;
    if (program.status === 'not-opened') throw new Error('an accepted opening left no program');
    const costPerWorker = program.contribution.total * program.months;
    return {
      programId: opened.programId,
      name: program.name,
      sponsorType: program.sponsorType,
      payerType: program.payerType,
      pksNumber: program.pksNumber,
      budget: program.budget,
      firstMonth: program.firstMonth,
      lastMonth: program.lastMonth,
      months: program.months,
      declaredIncome: program.declaredIncome,
      contribution: program.contribution,
      ruleSetIds: [...program.ruleSetIds],
      quota: program.quota,
      costPerWorker,
      quotaCost: program.quota * costPerWorker,
      status: program.status,
      operatorIds: [...opened.operatorIds],
      version: opened.version,
      changed: opened.events.length > 0,
    };
  }
}
