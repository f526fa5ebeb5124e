import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  CorrelationId,
  CurrentActor,
  Roles,
  type Actor,
  type IdGenerator,
} from '@santunan/platform';
import { ProgramRegistry } from '../shared/program-registry';
import { SERVICE_IDS } from '../shared/service-tokens';
import { SponsorPrograms } from '../shared/sponsor-programs';
import { OpenSponsorProgramDto, SponsorProgramDto } from './open-sponsor-program.dto';

@ApiTag(
  'sponsor programs',
  'Contribution-assistance programs: opening, enrolments within budget and quota, the sponsor’s monthly payments, statements and reports.',
)
@Controller('programs')
export class OpenSponsorProgramController {
  constructor(
    @Inject(SponsorPrograms) private readonly programs: SponsorPrograms,
    @Inject(ProgramRegistry) private readonly registry: ProgramRegistry,
    @Inject(SERVICE_IDS) private readonly ids: IdGenerator,
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
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<SponsorProgramDto> {
    const programId = body.programId ?? this.ids.next();
    const operatorIds = body.operatorIds ?? [actor.id];
    const { programId: _id, operatorIds: _operators, ...terms } = body;
    const result = accepted(
      await this.programs.handle(
        programId,
        { type: 'OpenSponsorProgram', programId, ...terms },
        {
          actor,
          correlationId,
          alongside: (tx) =>
            this.registry.register(tx, {
              programId,
              operatorIds,
              firstMonth: body.firstMonth,
              lastMonth: body.lastMonth,
              openedBy: actor.id,
            }),
        },
      ),
    );
    const program = result.state;
    if (program.status === 'not-opened') throw new Error('an accepted opening left no program');
    const registered = await this.registry.find(programId);
    const costPerWorker = program.contribution.total * program.months;
    return {
      programId,
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
      operatorIds: [...(registered?.operatorIds ?? operatorIds)],
      version: result.version,
      changed: result.events.length > 0,
    };
  }
}
