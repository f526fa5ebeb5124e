import { ApiProperty } from '@nestjs/swagger';
import type { ClaimBenefitType, ClaimProgram } from '@santunan/contracts';
import type {
  ClaimsDashboard,
  DecidedCell,
  DecisionSla,
  OpenClaimStatus,
  OpenClaimsCell,
  OpenSla,
  OpenSlaCell,
} from './claims-dashboard';

export class OpenClaimsCellDto implements OpenClaimsCell {
  @ApiProperty({ type: String, example: 'jkm-death' })
  benefitType!: ClaimBenefitType;

  @ApiProperty({ enum: ['open', 'pending-contribution', 'awaiting-checker'] })
  status!: OpenClaimStatus;

  @ApiProperty({ example: 3 })
  count!: number;
}

export class OpenSlaCellDto implements OpenSlaCell {
  @ApiProperty({ enum: ['jkk', 'jkm'] })
  program!: ClaimProgram;

  @ApiProperty({
    enum: ['on-time', 'overdue', 'paused', 'not-started', 'not-computable'],
    description: 'Where an undecided claim stands against its payment due date today.',
  })
  sla!: OpenSla;

  @ApiProperty()
  count!: number;
}

export class DecisionSlaDto implements DecisionSla {
  @ApiProperty({ enum: ['jkk', 'jkm'] })
  program!: ClaimProgram;

  @ApiProperty({ type: [Number], example: [7], description: 'The SLA in working days.' })
  workingDays!: number[];

  @ApiProperty()
  approved!: number;

  @ApiProperty({ description: 'Approved on or before the payment due date.' })
  approvedByDueDate!: number;
}

export class DecidedCellDto implements DecidedCell {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty({ type: String, nullable: true, example: '5371' })
  regencyCode!: string | null;

  @ApiProperty()
  approved!: number;

  @ApiProperty()
  rejected!: number;

  @ApiProperty({ description: 'Integer rupiah.' })
  approvedAmount!: number;
}

export class ClaimsDashboardDto implements ClaimsDashboard {
  @ApiProperty({ example: '2026-03-10' })
  asOf!: string;

  @ApiProperty({
    type: [OpenClaimsCellDto],
    description: 'Undecided claims by benefit and status.',
  })
  openClaims!: OpenClaimsCellDto[];

  @ApiProperty({ type: [OpenSlaCellDto] })
  openSla!: OpenSlaCellDto[];

  @ApiProperty({ type: [DecisionSlaDto] })
  decisionSla!: DecisionSlaDto[];

  @ApiProperty({ type: [DecidedCellDto], description: 'Decisions by month and kabupaten/kota.' })
  decided!: DecidedCellDto[];
}
