import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClaimState, ProposalKind } from '@santunan/claims-domain';
import type { ClaimBenefitType, ClaimProgram } from '@santunan/contracts';
import { OffsetPageQuery } from '@santunan/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export const CLAIM_STATUSES = [
  'open',
  'pending-contribution',
  'awaiting-checker',
  'approved',
  'rejected',
] as const;
export type ClaimStatus = Exclude<ClaimState['status'], 'none'>;

export const BENEFIT_TYPES: readonly ClaimBenefitType[] = [
  'jkk-death',
  'jkk-total-permanent-disability',
  'jkk-partial-disability',
  'jkk-temporary-incapacity',
  'jkk-care-and-reimbursement',
  'jkm-death',
];

/** What a checker may be asked to confirm. */
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['approval', 'rejection'];

/** Where a claim stands against its payment due date today. */
export const SLA_FILTERS = ['not-started', 'paused', 'on-time', 'due-soon', 'overdue'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** `urgency`: overdue first, then by due date; `due-date`: by due date only; `submitted-on`. */
export const WORK_QUEUE_SORTS = ['urgency', 'due-date', 'submitted-on'] as const;
export type WorkQueueSort = (typeof WORK_QUEUE_SORTS)[number];

/** Query flags arrive as text; only `true`/`1` mean yes. */
const flag = ({ value }: { value: unknown }): unknown =>
  value === true || value === 'true' || value === '1'
    ? true
    : value === false || value === 'false' || value === '0'
      ? false
      : value;

export class WorkQueueQuery extends OffsetPageQuery({ defaultLimit: 50, maxLimit: 200 }) {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional({ enum: ['jkk', 'jkm'] })
  @IsOptional()
  @IsIn(['jkk', 'jkm'])
  program?: ClaimProgram;

  @ApiPropertyOptional({ enum: BENEFIT_TYPES })
  @IsOptional()
  @IsIn(BENEFIT_TYPES)
  benefitType?: ClaimBenefitType;

  @ApiPropertyOptional({ example: '5371', description: 'Kabupaten/kota of the participant.' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be a 4-digit kabupaten/kota code' })
  regencyCode?: string;

  @ApiPropertyOptional({
    enum: SLA_FILTERS,
    description:
      'Claims still to be decided, by where they stand against the payment due date (7 working ' +
      'days JKK, 3 JKM, from complete documents, pauses excluded): not-started (documents ' +
      'incomplete), paused (documents requested, or waiting for a sponsor), on-time, due-soon ' +
      '(on time, due within `dueWithinDays` calendar days), overdue.',
  })
  @IsOptional()
  @IsIn(SLA_FILTERS)
  sla?: SlaFilter;

  @ApiPropertyOptional({
    default: 3,
    minimum: 0,
    maximum: 60,
    description: 'With sla=due-soon: due today or within this many calendar days.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  dueWithinDays?: number;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only claims the caller submitted or proposed a decision on.',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only claims that opened a scholarship entitlement (the children’s beasiswa).',
  })
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  scholarship?: boolean;

  @ApiPropertyOptional({ enum: WORK_QUEUE_SORTS, default: 'urgency' })
  @IsOptional()
  @IsIn(WORK_QUEUE_SORTS)
  sort?: WorkQueueSort;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({
    enum: PROPOSAL_KINDS,
    description: 'Claims awaiting a checker with an approval, or a rejection, proposed.',
  })
  @IsOptional()
  @IsIn(PROPOSAL_KINDS)
  proposalKind?: ProposalKind;
}

export class SlaView {
  @ApiProperty({ enum: ['not-started', 'paused', 'running', 'not-computable'] })
  state!: 'not-started' | 'paused' | 'running' | 'not-computable';

  @ApiProperty({ nullable: true, type: String, description: 'The last day payment is on time.' })
  dueDate!: string | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ description: 'Calendar days past the due date (0 when not overdue).' })
  daysOverdue!: number;
}

export class WorkQueueItem {
  @ApiProperty({ format: 'uuid' })
  claimId!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Kabupaten/kota (from enrollment).' })
  regencyCode!: string | null;

  @ApiProperty({ enum: ['jkk', 'jkm'] })
  program!: ClaimProgram;

  @ApiProperty({ enum: BENEFIT_TYPES })
  benefitType!: ClaimBenefitType;

  @ApiProperty({ enum: CLAIM_STATUSES })
  status!: ClaimStatus;

  @ApiProperty()
  incidentDate!: string;

  @ApiProperty({ nullable: true, type: String })
  dateOfDeath!: string | null;

  @ApiProperty()
  submittedOn!: string;

  @ApiProperty()
  submittedBy!: string;

  @ApiProperty()
  documentsComplete!: boolean;

  @ApiProperty({ type: [String] })
  missingDocuments!: string[];

  @ApiProperty({ type: SlaView })
  sla!: SlaView;

  @ApiProperty({ nullable: true, type: String, description: 'Awaiting a checker: this proposal.' })
  pendingDecisionId!: string | null;

  @ApiProperty({
    enum: PROPOSAL_KINDS,
    nullable: true,
    description: 'Awaiting a checker: an approval or a rejection is proposed.',
  })
  proposalKind!: ProposalKind | null;

  @ApiProperty({ nullable: true, type: String })
  proposedBy!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Integer rupiah.' })
  proposedTotal!: number | null;

  @ApiProperty({ nullable: true, type: Boolean })
  checkerRequired!: boolean | null;

  @ApiProperty({ nullable: true, type: String })
  lastDecisionId!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Approved: integer rupiah.' })
  approvedTotal!: number | null;

  @ApiProperty({ type: [String], description: 'Rejected: the reason codes.' })
  rejectionCodes!: string[];

  @ApiProperty({ nullable: true, type: String })
  scholarshipEntitlementId!: string | null;

  @ApiProperty()
  updatedAt!: string;
}

export class WorkQueuePage {
  @ApiProperty({ type: [WorkQueueItem] })
  items!: WorkQueueItem[];

  @ApiProperty({ description: 'Claims matching the filter, all pages.' })
  total!: number;

  @ApiProperty({ description: 'The day SLA status was computed on (Asia/Jakarta).' })
  asOf!: string;
}
