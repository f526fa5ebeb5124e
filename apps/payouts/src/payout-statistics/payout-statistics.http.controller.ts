import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty } from '@nestjs/swagger';
import type { PayoutProgram } from '@santunan/contracts';
import { ApiTag, Roles } from '@santunan/platform';
import type {
  CompensationTotals,
  PaidCell,
  PaymentSla,
  PayoutStatistics,
} from './payout-statistics';
import { PayoutStatisticsReader } from './payout-statistics.reader';

class PaymentSlaDto implements PaymentSla {
  @ApiProperty({ enum: ['jkk', 'jkm', 'scholarship'] })
  program!: PayoutProgram;

  @ApiProperty({ description: 'Decisions whose every payout settled on or before the due date.' })
  paidOnTime!: number;

  @ApiProperty({ description: 'Decisions paid in full, the last payout after the due date.' })
  paidLate!: number;

  @ApiProperty({ description: 'Not paid in full and past the due date.' })
  overdue!: number;

  @ApiProperty({ description: 'Not paid in full, still within the due date.' })
  pending!: number;
}

class PaidCellDto implements PaidCell {
  @ApiProperty({ example: '2026-03' })
  month!: string;

  @ApiProperty({ type: String, nullable: true, example: '5371' })
  regencyCode!: string | null;

  @ApiProperty()
  payouts!: number;

  @ApiProperty({ description: 'Integer rupiah.' })
  benefitAmount!: number;

  @ApiProperty({ description: 'Integer rupiah.' })
  compensationAmount!: number;

  @ApiProperty()
  compensations!: number;
}

class CompensationTotalsDto implements CompensationTotals {
  @ApiProperty()
  paidCount!: number;

  @ApiProperty()
  paidAmount!: number;

  @ApiProperty()
  outstandingCount!: number;

  @ApiProperty()
  outstandingAmount!: number;
}

class PayoutStatisticsDto implements PayoutStatistics {
  @ApiProperty({ example: '2026-03-10' })
  asOf!: string;

  @ApiProperty({ type: [PaymentSlaDto] })
  paymentSla!: PaymentSlaDto[];

  @ApiProperty({ type: [PaidCellDto], description: 'Settled payouts by month and regency.' })
  paid!: PaidCellDto[];

  @ApiProperty({ type: CompensationTotalsDto })
  compensation!: CompensationTotalsDto;
}

@ApiTag('payout statistics', 'Payment SLA, money paid by month and regency, compensation.')
@Controller('payout-statistics')
export class PayoutStatisticsController {
  constructor(@Inject(PayoutStatisticsReader) private readonly reader: PayoutStatisticsReader) {}

  @Get()
  @Roles('finance', 'auditor', 'claims-supervisor', 'claims-officer')
  @ApiOperation({
    summary: 'Claim decisions paid within their SLA, paid amounts by month and regency',
    description:
      'Counted from the payout view read model. A decision is paid on time when every one of ' +
      'its benefit payouts settled on or before the decision’s payment due date.',
  })
  @ApiOkResponse({ type: PayoutStatisticsDto })
  statistics(): Promise<PayoutStatisticsDto> {
    return this.reader.statistics() as Promise<PayoutStatisticsDto>;
  }
}
