import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ParticipantIdParams {
  @ApiProperty({ format: 'uuid', description: 'The participant id given at registration.' })
  @IsUUID()
  participantId!: string;
}

export class PayerDto {
  @ApiProperty({ enum: ['self', 'program'] })
  kind!: 'self' | 'program';

  @ApiProperty({ required: false, example: 'ntt-2026' })
  programId?: string;
}

export class MembershipDto {
  @ApiProperty({ enum: ['self-paying', 'sponsored'] })
  kind!: 'self-paying' | 'sponsored';

  @ApiProperty({ example: '2026-01' })
  fromMonth!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-12',
    description: 'Null while open-ended.',
  })
  toMonth!: string | null;

  @ApiProperty({ required: false, example: 'ntt-2026' })
  programId?: string;
}

export class DueLineDto {
  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ type: PayerDto })
  payer!: PayerDto;

  @ApiProperty({ example: 10_000, description: 'JKK, integer rupiah.' })
  jkk!: number;

  @ApiProperty({ example: 6_800, description: 'JKM, integer rupiah.' })
  jkm!: number;

  @ApiProperty({ example: 16_800 })
  total!: number;

  @ApiProperty({ nullable: true, type: String, example: '2026-01-15' })
  dueDate!: string | null;

  @ApiProperty({ enum: ['paid', 'unpaid', 'refunded', 'cancelled'] })
  status!: string;

  @ApiProperty({ nullable: true, type: String })
  paymentReference!: string | null;

  @ApiProperty({ nullable: true, type: String })
  paidOn!: string | null;

  @ApiProperty({ nullable: true, type: Boolean })
  withinGrace!: boolean | null;
}

export class RefundLineDto {
  @ApiProperty({ example: '2026-04' })
  month!: string;

  @ApiProperty({ type: PayerDto })
  payer!: PayerDto;

  @ApiProperty({ example: 16_800 })
  amount!: number;

  @ApiProperty()
  paymentReference!: string;
}

export class CoverageViewDto {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({
    enum: ['awaiting-first-payment', 'active', 'in-arrears', 'lapsed'],
    description:
      'in-arrears: a month ended unpaid and is within its 3-month grace; lapsed: more than 3 consecutive unpaid months ended the membership.',
  })
  standing!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-03',
    description: 'Every month owed up to here is paid.',
  })
  paidThrough!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-01' })
  firstPaidMonth!: string | null;

  @ApiProperty({ example: 3, description: 'Masa iur: distinct paid months.' })
  masaIurMonths!: number;

  @ApiProperty({ type: [String], example: ['2026-04'] })
  arrearsMonths!: string[];

  @ApiProperty({
    type: MembershipDto,
    nullable: true,
    description: 'The membership the current month falls in (none after the death month).',
  })
  currentMembership!: MembershipDto | null;

  @ApiProperty({ type: [MembershipDto] })
  memberships!: MembershipDto[];

  @ApiProperty({ type: [DueLineDto] })
  dues!: DueLineDto[];

  @ApiProperty({ type: [RefundLineDto] })
  refunds!: RefundLineDto[];

  @ApiProperty({ nullable: true, type: String })
  dateOfDeath!: string | null;

  @ApiProperty({ description: 'The account stream version the view reflects.' })
  version!: number;
}
