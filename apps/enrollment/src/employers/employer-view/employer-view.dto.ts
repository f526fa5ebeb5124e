import { ApiProperty } from '@nestjs/swagger';
import { ReportTimelinessResponse } from '../shared/wage.dto';

export class RiskClassPeriodResponse {
  @ApiProperty({ example: 3 })
  riskClass!: number;

  @ApiProperty({ example: '2026-01-01' })
  effectiveFrom!: string;

  @ApiProperty()
  basis!: string;
}

export class BranchResponse {
  @ApiProperty()
  branchId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  branchNpp!: string | null;

  @ApiProperty({ example: '5304' })
  regencyCode!: string;

  @ApiProperty({ example: '2026-03-01' })
  openedOn!: string;
}

export class EmployerResponse {
  @ApiProperty({ example: '12345678' })
  npp!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  npwp!: string;

  @ApiProperty()
  nib!: string;

  @ApiProperty()
  kbli!: string;

  @ApiProperty({ enum: ['micro', 'small', 'medium', 'large'] })
  businessScale!: string;

  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The class in force today (null before the first period).',
  })
  riskClassToday!: number | null;

  @ApiProperty({
    type: [RiskClassPeriodResponse],
    description: 'Oldest first; each until the next one.',
  })
  riskClassHistory!: RiskClassPeriodResponse[];

  @ApiProperty({ type: [BranchResponse] })
  branches!: BranchResponse[];
}

export class ReportedWageResponse {
  @ApiProperty({ enum: ['monthly', 'daily', 'piece-rate'] })
  basis!: string;

  @ApiProperty({ example: 5_000_000 })
  amount!: number;

  @ApiProperty({ example: 5_000_000, description: 'Whole rupiah a month (daily × 25).' })
  monthlyWage!: number;
}

export class WagePeriodResponse {
  @ApiProperty({ type: ReportedWageResponse })
  wage!: ReportedWageResponse;

  @ApiProperty({ example: '2026-12-01' })
  effectiveFrom!: string;

  @ApiProperty({ type: ReportTimelinessResponse })
  report!: ReportTimelinessResponse;
}

export class WorkerResponse {
  @ApiProperty({ example: '12345678' })
  npp!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ description: 'Personal data, opened for the enrollment officer.' })
  fullName!: string;

  @ApiProperty({ enum: ['employed', 'left'] })
  status!: 'employed' | 'left';

  @ApiProperty({ type: String, nullable: true })
  branchId!: string | null;

  @ApiProperty({ example: '2026-12-01' })
  startedOn!: string;

  @ApiProperty()
  jkpParticipant!: boolean;

  @ApiProperty({
    type: [WagePeriodResponse],
    description: 'Oldest first, each with whether it was reported late.',
  })
  wageHistory!: WagePeriodResponse[];

  @ApiProperty({ type: String, nullable: true, example: null })
  leftOn!: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  leavingReason!: string | null;

  @ApiProperty({ type: ReportTimelinessResponse, nullable: true })
  leavingReport!: ReportTimelinessResponse | null;
}
