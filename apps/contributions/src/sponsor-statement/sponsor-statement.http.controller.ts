import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '@santunan/platform';
import { ProtectedRoute } from '../shared/http.decorators';
import { ProblemDetailsDto } from '../shared/problem-details.dto';
import { ProgramAccess } from '../shared/program-access';
import { SponsorStatementDto, StatementPageQuery, StatementParams } from './sponsor-statement.dto';
import { SponsorStatementReader } from './sponsor-statement.reader';

@ApiTags('sponsor programs')
@ProtectedRoute()
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
  @ApiNotFoundResponse({
    type: ProblemDetailsDto,
    description: 'PROGRAM_NOT_FOUND, STATEMENT_NOT_ISSUED',
  })
  async find(
    @Param() params: StatementParams,
    @Query() query: StatementPageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<SponsorStatementDto> {
    await this.access.check(actor, params.programId, ['finance', 'auditor']);
    return this.statements.find(params.programId, params.month, {
      offset: query.offset ?? 0,
      limit: query.limit ?? 100,
    });
  }
}
