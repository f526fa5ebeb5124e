import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEIR_RELATIONSHIPS } from '@santunan/contracts';
import { ApiPersonalText } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/**
 * A personal value: a string as the caller may see it, or `{ redacted: true }` once its key is
 * erased (documented by ApiPersonalText; `unknown` here, as the presenter hands it over).
 */
type PersonalText = unknown;

const PERSONAL =
  'Personal data: in full for enrollment officers and auditors, masked for other roles ' +
  '(NIK 5371********0001, names as initials); `{ "redacted": true }` once the participant’s key is erased.';

export class SearchParticipantsDto {
  @ApiPropertyOptional({
    example: '5371011508900001',
    description: 'Exact NIK (looked up by its keyed hash).',
  })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({
    example: 'bria',
    description: 'Whole words of the name, in any order; all must match.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: '5371', description: 'Kabupaten/kota code of the address.' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'regencyCode must be a 4-digit kabupaten/kota code' })
  regencyCode?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The `next` of the previous page.' })
  @IsOptional()
  @IsUUID()
  after?: string;
}

export class AddressView {
  @ApiPersonalText({ description: PERSONAL, example: 'Jl. El Tari 10, Oebobo' })
  line!: PersonalText;

  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiPropertyOptional({ example: 'KOTA KUPANG' })
  regencyName?: string;
}

export class IncomePeriodView {
  @ApiProperty({ type: 'integer', example: 1_000_000, description: 'Whole rupiah a month.' })
  declaredIncome!: number;

  @ApiProperty({ example: '2026-01' })
  effectiveFrom!: string;
}

export class MembershipView {
  @ApiProperty({ enum: ['self-paying', 'sponsored'] })
  kind!: 'self-paying' | 'sponsored';

  @ApiPropertyOptional({ example: 'ntt-2026', description: 'A sponsored membership only.' })
  programId?: string;
}

export class HeirBankAccountView {
  @ApiProperty({ example: 'BRI' })
  bankCode!: string;

  @ApiPersonalText({ description: PERSONAL, example: '***********3567' })
  accountNumber!: PersonalText;

  @ApiPersonalText({ description: PERSONAL, example: 'M. B.' })
  accountName!: PersonalText;
}

export class HeirView {
  @ApiProperty({ format: 'uuid' })
  heirId!: string;

  @ApiPersonalText({ description: PERSONAL, example: 'M. B.' })
  fullName!: PersonalText;

  @ApiProperty({ enum: HEIR_RELATIONSHIPS })
  relationship!: string;

  @ApiPropertyOptional({ example: '1992-03-01' })
  birthDate?: string;

  @ApiPropertyOptional({ type: HeirBankAccountView })
  bankAccount?: HeirBankAccountView;
}

export class HeirPlaceView {
  @ApiProperty({ format: 'uuid' })
  heirId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    example: 1,
    description: 'Ahli waris tier 1–5 of the relationship; null when no tier names it.',
  })
  tier!: number | null;

  @ApiProperty({ description: 'In the highest tier present: shares the entitlement.' })
  entitled!: boolean;
}

export class HeirOrderView {
  @ApiProperty({ example: 'pp82-2019' })
  ruleSetId!: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 1 })
  entitledTier!: number | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description:
      'The heir paid by the platform’s default order (relationship, adults, the eldest); the ' +
      'heirs may nominate another at the claim, with the others’ consent.',
  })
  payeeHeirId!: string | null;

  @ApiProperty({ type: [HeirPlaceView] })
  heirs!: readonly HeirPlaceView[];
}

export class ChildView {
  @ApiProperty({ format: 'uuid' })
  childId!: string;

  @ApiPersonalText({ description: PERSONAL, example: 'A. B.' })
  fullName!: PersonalText;

  @ApiProperty({ example: '2012-07-01' })
  birthDate!: string;

  @ApiProperty({ enum: ['biological', 'step', 'adopted'] })
  relationship!: string;
}

export class ParticipantSummary {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['active', 'deceased'] })
  status!: 'active' | 'deceased';

  @ApiPersonalText({ description: PERSONAL, example: '5371********0001' })
  nik!: PersonalText;

  @ApiPersonalText({ description: PERSONAL, example: 'Y. B.' })
  fullName!: PersonalText;

  @ApiProperty({
    example: '1990-08-15',
    description: 'Only the year (`1990-**-**`) for masked views.',
  })
  birthDate!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  sex!: string;

  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiProperty({ type: MembershipView })
  membership!: MembershipView;

  @ApiProperty({ type: 'integer', example: 1_000_000, description: 'Whole rupiah a month.' })
  declaredIncome!: number;

  @ApiProperty({ enum: ['full', 'masked'] })
  personalData!: 'full' | 'masked';
}

export class ParticipantProfile extends ParticipantSummary {
  @ApiProperty({ type: AddressView })
  address!: AddressView;

  @ApiPersonalText({ description: PERSONAL, example: '***********789' })
  phone!: PersonalText;

  @ApiProperty()
  occupation!: string;

  @ApiProperty({ type: [IncomePeriodView] })
  incomeHistory!: IncomePeriodView[];

  @ApiProperty({ type: [HeirView], description: 'Heirs with relationship and bank account.' })
  heirs!: readonly unknown[];

  @ApiPropertyOptional({
    type: HeirOrderView,
    description:
      'The heirs in the ahli waris order in force on the date of death (today while alive).',
  })
  heirOrder?: HeirOrderView;

  @ApiProperty({ type: [ChildView], description: 'Children registered for scholarships.' })
  children!: readonly unknown[];

  @ApiPropertyOptional({ example: '2026-05-02' })
  dateOfDeath?: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ description: 'The user who registered the participant.' })
  registeredBy!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class SearchResponse {
  @ApiProperty({ type: [ParticipantSummary] })
  results!: ParticipantSummary[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Pass as `after` for the next page; absent on the last.',
  })
  next?: string;
}

export class ActorView {
  @ApiProperty({ example: 'officer-1' })
  id!: string;

  @ApiProperty({ enum: ['user', 'system'] })
  kind!: 'user' | 'system';

  @ApiPropertyOptional({ type: [String], example: ['enrollment-officer'] })
  roles?: readonly string[];
}

export class HistoryEntry {
  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'ParticipantRegistered' })
  type!: string;

  @ApiProperty()
  schemaVersion!: number;

  @ApiProperty({ description: 'When it happened in the world.' })
  occurredAt!: string;

  @ApiProperty({ description: 'When the platform recorded it.' })
  recordedAt!: string;

  @ApiProperty({ type: ActorView, description: 'Who did it.' })
  actor!: ActorView;

  @ApiProperty()
  correlationId!: string;

  @ApiPropertyOptional({ description: 'The event that caused it, e.g. the claims death record.' })
  causationId?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: `The event payload (its schema: enrollment.events in AsyncAPI), opened. ${PERSONAL}`,
  })
  data!: Readonly<Record<string, unknown>>;
}

export class HistoryResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['full', 'masked'] })
  personalData!: 'full' | 'masked';

  @ApiProperty({ type: [HistoryEntry] })
  events!: HistoryEntry[];
}
