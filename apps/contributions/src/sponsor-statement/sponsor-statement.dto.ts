import { ApiProperty } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN, OffsetPageQuery } from '@santunan/platform';
import { Matches } from 'class-validator';
import { ProgramIdParams } from '../program-report/program-report.dto';
import { MonthLedgerDto } from '../record-sponsor-payment/record-sponsor-payment.dto';

export class StatementParams extends ProgramIdParams {
  @ApiProperty({ example: '2026-01' })
  @Matches(ISO_MONTH_PATTERN, { message: 'month must be YYYY-MM' })
  month!: string;
}

/** A page of a statement's dues. */
export class StatementPageQuery extends OffsetPageQuery({ defaultLimit: 100, maxLimit: 1000 }) {}

export class StatementLineDto {
  @ApiProperty()
  enrolmentNumber!: number;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ example: 10_000 })
  jkk!: number;

  @ApiProperty({ example: 6_800 })
  jkm!: number;

  @ApiProperty({ example: 16_800 })
  total!: number;

  @ApiProperty()
  paid!: boolean;
}

export class StatementPaymentDto {
  @ApiProperty()
  paymentReference!: string;

  @ApiProperty()
  amount!: number;

  @ApiProperty()
  paidOn!: string;

  @ApiProperty()
  allocatedDues!: number;

  @ApiProperty()
  heldForMonth!: number;
}

/** The month's statement as issued (dues, JKK and JKM apart, due date) and where it stands now. */
export class SponsorStatementDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ example: '2026-01' })
  month!: string;

  @ApiProperty({ example: '2026-01-15' })
  nominalDueDate!: string;

  @ApiProperty({ example: '2026-01-15', description: 'The 15th, or the next working day.' })
  dueDate!: string;

  @ApiProperty({ example: 50_000, description: 'Dues on the statement when it was issued.' })
  dues!: number;

  @ApiProperty({ example: 500_000_000 })
  jkk!: number;

  @ApiProperty({ example: 340_000_000 })
  jkm!: number;

  @ApiProperty({ example: 840_000_000 })
  total!: number;

  @ApiProperty()
  issuedAt!: string;

  @ApiProperty({ type: [StatementPaymentDto] })
  payments!: StatementPaymentDto[];

  @ApiProperty({
    type: MonthLedgerDto,
    description: 'The month now (deaths may have shortened it).',
  })
  ledger!: MonthLedgerDto;

  @ApiProperty({
    type: [StatementLineDto],
    description: 'The month’s dues now, in enrolment order (a page).',
  })
  lines!: StatementLineDto[];

  @ApiProperty()
  offset!: number;

  @ApiProperty()
  limit!: number;
}
