import { ApiProperty } from '@nestjs/swagger';
import { PAYOUT_PROGRAMS, PAYOUT_STATUSES } from '@santunan/contracts';

export class TallyResponse {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer', description: 'Whole rupiah.' }) amount!: number;
}

/** The report's columns: what happened to payouts that day. */
export class TalliesResponse {
  @ApiProperty({ type: TallyResponse }) scheduled!: TallyResponse;
  @ApiProperty({ type: TallyResponse }) instructed!: TallyResponse;
  @ApiProperty({ type: TallyResponse }) settled!: TallyResponse;
  @ApiProperty({ type: TallyResponse }) failed!: TallyResponse;
  @ApiProperty({ type: TallyResponse }) returned!: TallyResponse;
  @ApiProperty({ type: TallyResponse }) cancelled!: TallyResponse;
}

export class DailyReportRowResponse extends TalliesResponse {
  @ApiProperty({ enum: PAYOUT_PROGRAMS }) program!: string;
  @ApiProperty({ enum: ['benefit', 'late-payment-compensation'] }) payoutKind!: string;
  @ApiProperty({ example: '5371', description: 'Kabupaten/kota code, or `unknown`.' })
  regencyCode!: string;
  @ApiProperty({ type: String, nullable: true, example: 'ntt-2026' })
  sponsorProgramId!: string | null;
}

export class DailyReportResponse {
  @ApiProperty({ example: '2026-03-25' }) date!: string;
  @ApiProperty({
    type: [DailyReportRowResponse],
    description: 'Sorted by program, kind, regency and sponsor program.',
  })
  rows!: DailyReportRowResponse[];
  @ApiProperty({ type: TalliesResponse }) totals!: TalliesResponse;
  @ApiProperty({
    type: 'integer',
    description: 'Movements under `unknown`: no regency was known for the participant.',
  })
  unknownRegencyMovements!: number;
}

export class CheckedPayoutResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty() decisionId!: string;
  @ApiProperty({ enum: PAYOUT_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', description: 'Whole rupiah.' }) amount!: number;
}

export class DecisionCheckResponse {
  @ApiProperty() decisionId!: string;
  @ApiProperty() claimId!: string;
  @ApiProperty({ enum: PAYOUT_PROGRAMS }) program!: string;
  @ApiProperty({ type: 'integer' }) decidedAmount!: number;
  @ApiProperty({ type: 'integer' }) settledAmount!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Scheduled, instructed, failed or returned: still owed, not cancelled.',
  })
  openAmount!: number;
  @ApiProperty({ type: 'integer', description: 'settled − decided.' }) difference!: number;
  @ApiProperty({ enum: ['settled-in-full', 'in-progress', 'short', 'over'] }) status!: string;
  @ApiProperty({
    type: [String],
    description: 'This decision and every decision it superseded, newest first.',
  })
  decisionChain!: string[];
  @ApiProperty({ type: [CheckedPayoutResponse] }) payouts!: CheckedPayoutResponse[];
}

export class DecisionCheckReportResponse {
  @ApiProperty({ type: 'integer' }) decisionsChecked!: number;
  @ApiProperty({ type: 'integer' }) supersededDecisions!: number;
  @ApiProperty({ type: 'integer' }) settledInFull!: number;
  @ApiProperty({ type: 'integer' }) inProgress!: number;
  @ApiProperty({ type: [DecisionCheckResponse], description: 'Short and over.' })
  mismatches!: DecisionCheckResponse[];
  @ApiProperty({ type: [DecisionCheckResponse] }) decisions!: DecisionCheckResponse[];
}
