import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiTag, Roles, ServiceRuntime } from '@santunan/platform';
import { READERS } from '../shared/roles';
import { ClaimsDashboardDto } from './claims-dashboard.dto';
import { ClaimsDashboardReader } from './claims-dashboard.reader';

@ApiTag('claims dashboard', 'Counts and sums of the claims office’s work, for charts.')
@Controller('claims-dashboard')
export class ClaimsDashboardController {
  constructor(
    @Inject(ClaimsDashboardReader) private readonly reader: ClaimsDashboardReader,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Open claims by benefit and status, SLA standing, decisions by month and regency',
    description:
      'Counted from the work queue read model: a claim shows here a moment after the command ' +
      'that changed it. Overdue: undecided with its payment due date before today.',
  })
  @ApiOkResponse({ type: ClaimsDashboardDto })
  async find(): Promise<ClaimsDashboardDto> {
    return this.reader.dashboard(this.runtime.clock.today()) as Promise<ClaimsDashboardDto>;
  }
}
