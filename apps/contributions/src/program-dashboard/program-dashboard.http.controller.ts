import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentActor, Roles, type Actor } from '@santunan/platform';
import { IsOptional, IsString, Matches } from 'class-validator';
import { PROGRAM_ID_PATTERN } from '../shared/calendar.dto';
import type { ProgramMonth } from './program-dashboard';
import {
  ProgramDashboardReader,
  type DashboardProgram,
  type ProgramDashboard,
} from './program-dashboard.reader';

export class ProgramDashboardQuery {
  @ApiPropertyOptional({ example: 'ntt-2026', description: 'Default: the caller’s first program.' })
  @IsOptional()
  @IsString()
  @Matches(PROGRAM_ID_PATTERN, {
    message: 'programId must be lower-case letters, digits and dashes',
  })
  programId?: string;
}

class DashboardProgramDto implements DashboardProgram {
  @ApiProperty()
  programId!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ example: '2026-01' })
  firstMonth!: string;

  @ApiProperty({ example: '2026-12' })
  lastMonth!: string;
}

class ProgramMonthDto implements ProgramMonth {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ description: 'Workers sponsored for the month.' })
  workers!: number;

  @ApiProperty({ description: 'Budget the month’s sponsorships commit (integer rupiah).' })
  committed!: number;

  @ApiProperty({ description: 'The month’s statement; 0 before it is issued.' })
  billed!: number;

  @ApiProperty({ description: 'Money the sponsor sent for the month.' })
  received!: number;

  @ApiProperty({ description: 'Received money allocated to whole dues.' })
  paid!: number;

  @ApiProperty()
  committedToDate!: number;

  @ApiProperty()
  receivedToDate!: number;

  @ApiProperty()
  paidToDate!: number;
}

class ProgramDashboardDto implements ProgramDashboard {
  @ApiProperty({ type: [DashboardProgramDto], description: 'The programs the caller may see.' })
  programs!: DashboardProgramDto[];

  @ApiProperty({ type: String, nullable: true })
  programId!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  budget!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  quota!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  enrolled!: number | null;

  @ApiProperty({ type: [ProgramMonthDto] })
  months!: ProgramMonthDto[];
}

@ApiTags('sponsor programs')
@Controller('program-dashboard')
export class ProgramDashboardController {
  constructor(@Inject(ProgramDashboardReader) private readonly reader: ProgramDashboardReader) {}

  @Get()
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({
    summary: 'A sponsor program month by month: workers, budget committed, billed, received, paid',
    description:
      'Only programs the caller operates (every program for admin, finance and auditor). ' +
      'Counted from the program’s events and its statements and receipts.',
  })
  @ApiOkResponse({ type: ProgramDashboardDto })
  @ApiProblems({ 404: 'PROGRAM_NOT_FOUND' })
  dashboard(
    @Query() query: ProgramDashboardQuery,
    @CurrentActor() actor: Actor,
  ): Promise<ProgramDashboardDto> {
    return this.reader.dashboard(actor, query.programId) as Promise<ProgramDashboardDto>;
  }
}
