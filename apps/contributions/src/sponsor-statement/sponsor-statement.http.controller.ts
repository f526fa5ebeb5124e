import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProgramAccess } from '../shared/program-access';
import { SponsorStatementDto, StatementPageQuery, StatementParams } from './sponsor-statement.dto';
import { SponsorStatementReader } from './sponsor-statement.reader';

@ApiTags('sponsor programs')
@Controller('programs/:programId/statements/:month')
export class SponsorStatementController {
  constructor(
    @Inject(SponsorStatementReader) private readonly statements: SponsorStatementReader,
    @Inject(ProgramAccess) private readonly access: ProgramAccess,
  ) {}

  @Get()
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({ summary: 'A program’s monthly statement, its payments and its dues (paged)' })
  @ApiOkResponse({ type: SponsorStatementDto })
  @ApiProblems({
    403: 'PROGRAM_NOT_OPERATED',
    404: ['PROGRAM_NOT_FOUND', 'STATEMENT_NOT_ISSUED'],
  })
  async find(
    @Param() params: StatementParams,
    @Query() query: StatementPageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<SponsorStatementDto> {
    await this.access.check(actor, params.programId, ['finance', 'auditor']);
    return this.statements.find(params.programId, params.month, {
      offset: query.offset,
      limit: query.limit,
    });
  }
}
