import { ApiProperty } from '@nestjs/swagger';
import type { BankAccount, Claimant, JkkBenefitLine } from '@santunan/contracts';
import {
  DecisionDto,
  PendingContributionDto,
  PendingProposalDto,
  RejectionDto,
} from '../propose-decision/decision-outcome.response';
import { ClaimDocumentsDto } from '../shared/claim-change.response';
import { WorkQueueItem } from '../work-queue/work-queue.dto';

const OBJECT = { type: 'object', additionalProperties: true } as const;

export class TimelineActorDto {
  @ApiProperty({ example: 'siti.supervisor' })
  id!: string;

  @ApiProperty({ enum: ['user', 'system'] })
  kind!: 'user' | 'system';

  @ApiProperty({ type: [String], required: false })
  roles?: readonly string[];
}

/** One event on a claim's timeline: what happened, when, and who did it. */
export class TimelineItemDto {
  @ApiProperty({ example: 'ClaimApproved' })
  type!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ type: TimelineActorDto })
  actor!: TimelineActorDto;

  @ApiProperty({ description: 'When it happened (ISO instant).' })
  occurredAt!: string;

  @ApiProperty({ description: 'When the platform recorded it (ISO instant).' })
  recordedAt!: string;

  @ApiProperty({ example: 'claim-8d1c…' })
  streamId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty(OBJECT)
  details!: Readonly<Record<string, unknown>>;
}

export class ClaimDetailResponse extends WorkQueueItem {
  @ApiProperty({ description: 'The day the claim was lodged.' })
  claimDate!: string;

  @ApiProperty({ nullable: true, type: String })
  accidentReportId!: string | null;

  @ApiProperty(OBJECT)
  claimant!: Claimant;

  @ApiProperty({ type: 'array', items: OBJECT })
  benefits!: readonly JkkBenefitLine[];

  @ApiProperty({ ...OBJECT, nullable: true })
  paymentAccount!: BankAccount | null;

  @ApiProperty({ type: ClaimDocumentsDto })
  documents!: ClaimDocumentsDto;

  @ApiProperty({
    type: PendingProposalDto,
    nullable: true,
    description:
      'Awaiting a checker: the proposal’s kind (approval or rejection), its maker, and for a ' +
      'rejection the reason code and note.',
  })
  proposal!: PendingProposalDto | null;

  @ApiProperty({
    type: DecisionDto,
    nullable: true,
    description: 'An approval awaiting a checker, or approved.',
  })
  decision!: DecisionDto | null;

  @ApiProperty({ type: RejectionDto, nullable: true })
  rejection!: RejectionDto | null;

  @ApiProperty({ type: PendingContributionDto, nullable: true })
  pending!: PendingContributionDto | null;

  @ApiProperty({ type: [TimelineItemDto] })
  timeline!: TimelineItemDto[];
}

export class ChainProblemDto {
  @ApiProperty({ enum: ['altered', 'removed', 'reordered', 'broken-chain'] })
  kind!: 'altered' | 'removed' | 'reordered' | 'broken-chain';

  @ApiProperty()
  version!: number;

  @ApiProperty()
  detail!: string;
}

export class StreamChainDto {
  @ApiProperty({ example: 'claim-8d1c…' })
  streamId!: string;

  @ApiProperty({ description: 'Events whose hashes were recomputed.' })
  events!: number;

  @ApiProperty()
  verified!: boolean;

  @ApiProperty({ type: [ChainProblemDto] })
  problems!: ChainProblemDto[];
}

/** The hash chains of every stream on a claim's timeline, recomputed now from the store. */
export class ChainVerificationResponse {
  @ApiProperty({ format: 'uuid' })
  claimId!: string;

  @ApiProperty({ description: 'Every stream intact: no event altered, removed or reordered.' })
  verified!: boolean;

  @ApiProperty()
  verifiedAt!: string;

  @ApiProperty({ type: [StreamChainDto] })
  streams!: StreamChainDto[];
}
