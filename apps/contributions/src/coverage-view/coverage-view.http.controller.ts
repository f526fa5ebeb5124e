import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, ApiTag } from '@santunan/platform';
import { CoverageViewDto, ParticipantIdParams } from './coverage-view.dto';
import { CoverageViewReader } from './coverage-view.reader';

@ApiTag('coverage', 'Where a participant stands: paid through, masa iur, dues and refunds.')
@Controller('participants/:participantId/coverage')
export class CoverageViewController {
  constructor(@Inject(CoverageViewReader) private readonly reader: CoverageViewReader) {}

  /** Any authenticated user: claims officers, sponsors and auditors all need to see it. */
  @Get()
  @ApiOperation({
    summary: 'A participant’s coverage: standing, paid through, masa iur, dues and refunds',
  })
  @ApiOkResponse({ type: CoverageViewDto })
  @ApiProblems({ 404: 'COVERAGE_NOT_FOUND' })
  find(@Param() params: ParticipantIdParams): Promise<CoverageViewDto> {
    return this.reader.find(params.participantId);
  }
}
