import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_PATTERN, ISO_MONTH_PATTERN } from '../shared/calendar.dto';

/**
 * The parts of enrollment's events (libs/contracts/src/enrollment/events.ts) contributions
 * relies on. Personal fields (NIK, name, address, phone) are not read and are stripped by
 * the consumer (tolerant reader), so they never reach this service's code.
 */
export class MembershipPayload {
  @IsIn(['self-paying', 'sponsored'])
  kind!: 'self-paying' | 'sponsored';

  @ValidateIf((membership: MembershipPayload) => membership.kind === 'sponsored')
  @IsString()
  @IsNotEmpty()
  programId?: string;
}

export class ParticipantRegisteredPayload {
  @IsUUID()
  participantId!: string;

  /** Not personal data: the only input to the PP 50/2025 transport question. */
  @IsString()
  occupation!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  declaredIncome!: number;

  @Matches(ISO_MONTH_PATTERN, { message: 'incomeEffectiveFrom must be YYYY-MM' })
  incomeEffectiveFrom!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => MembershipPayload)
  membership!: MembershipPayload;
}

export class DeclaredIncomeChangedPayload {
  @IsUUID()
  participantId!: string;

  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  declaredIncome!: number;

  @Matches(ISO_MONTH_PATTERN, { message: 'effectiveFrom must be YYYY-MM' })
  effectiveFrom!: string;
}

/** Enrollment's ParticipantDeceased and claims' DeathRecorded carry the same two facts. */
export class DeathPayload {
  @IsUUID()
  participantId!: string;

  @Matches(ISO_DATE_PATTERN, { message: 'dateOfDeath must be YYYY-MM-DD' })
  dateOfDeath!: string;

  @IsOptional()
  @IsString()
  claimId?: string;
}
