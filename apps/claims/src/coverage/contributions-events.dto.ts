import type { ContributionPayer, CoverageLapseCause } from '@santunan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

// The parts of contributions' events (libs/contracts/src/contributions/events.ts) the coverage
// facts read; other members are stripped by the consumer (tolerant reader). No personal data
// travels on this topic.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

class ParticipantEventDto {
  @IsString()
  participantId!: string;
}

export class PayerDto {
  @IsIn(['self', 'program'])
  kind!: ContributionPayer['kind'];

  @ValidateIf((payer: PayerDto) => payer.kind === 'program')
  @IsString()
  programId?: string;
}

export function payerOf(dto: PayerDto): ContributionPayer {
  if (dto.kind === 'self') return { kind: 'self' };
  if (dto.programId === undefined) throw new TypeError('a program payer has its programId');
  return { kind: 'program', programId: dto.programId };
}

export class SponsorshipStartedDto extends ParticipantEventDto {
  @IsString()
  programId!: string;

  @Matches(ISO_MONTH)
  fromMonth!: string;

  @Matches(ISO_MONTH)
  toMonth!: string;
}

export class ParticipantSponsorshipEndedDto extends ParticipantEventDto {
  @IsString()
  programId!: string;

  @Matches(ISO_MONTH)
  lastMonth!: string;
}

export class SelfPayingMembershipStartedDto extends ParticipantEventDto {
  @Matches(ISO_MONTH)
  fromMonth!: string;
}

export class ContributionPaidDto extends ParticipantEventDto {
  @Matches(ISO_MONTH)
  month!: string;

  @ValidateNested()
  @Type(() => PayerDto)
  payer!: PayerDto;

  @IsString()
  paymentReference!: string;

  @IsISO8601({ strict: true })
  paidAt!: string;

  @Matches(ISO_DATE)
  paidOn!: string;
}

export class CoverageExtendedDto extends ParticipantEventDto {
  @Matches(ISO_MONTH)
  firstPaidMonth!: string;
}

export class CoverageLapsedDto extends ParticipantEventDto {
  @IsArray()
  @ArrayNotEmpty()
  @Matches(ISO_MONTH, { each: true })
  unpaidMonths!: string[];

  @IsIn(['self-paying-arrears', 'sponsor-arrears'])
  cause!: CoverageLapseCause;
}

export class CoverageReinstatedDto extends ParticipantEventDto {
  @IsIn(['in-arrears', 'lapsed'])
  from!: 'in-arrears' | 'lapsed';
}

export class RefundLineDto {
  @Matches(ISO_MONTH)
  month!: string;

  @IsString()
  paymentReference!: string;
}

export class RefundDueDto extends ParticipantEventDto {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  lines!: RefundLineDto[];
}

export class ContributionGraceExpiredDto extends ParticipantEventDto {
  @Matches(ISO_MONTH)
  month!: string;
}
