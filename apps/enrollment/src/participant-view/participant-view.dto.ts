import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiProperty({ description: PERSONAL })
  line!: unknown;

  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiPropertyOptional({ example: 'KOTA KUPANG' })
  regencyName?: string;
}

export class IncomePeriodView {
  @ApiProperty({ example: 1_000_000 })
  declaredIncome!: number;

  @ApiProperty({ example: '2026-01' })
  effectiveFrom!: string;
}

export class ParticipantSummary {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['active', 'deceased'] })
  status!: 'active' | 'deceased';

  @ApiProperty({ description: PERSONAL, example: '5371********0001' })
  nik!: unknown;

  @ApiProperty({ description: PERSONAL, example: 'Y. B.' })
  fullName!: unknown;

  @ApiProperty({ example: '1990-08-15', description: 'Only the year for masked views.' })
  birthDate!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  sex!: string;

  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiProperty({ example: { kind: 'sponsored', programId: 'ntt-2026' } })
  membership!: unknown;

  @ApiProperty({ example: 1_000_000 })
  declaredIncome!: number;

  @ApiProperty({ enum: ['full', 'masked'] })
  personalData!: 'full' | 'masked';
}

export class ParticipantProfile extends ParticipantSummary {
  @ApiProperty({ type: AddressView })
  address!: AddressView;

  @ApiProperty({ description: PERSONAL })
  phone!: unknown;

  @ApiProperty()
  occupation!: string;

  @ApiProperty({ type: [IncomePeriodView] })
  incomeHistory!: IncomePeriodView[];

  @ApiProperty({ description: `Heirs with relationship and bank account. ${PERSONAL}` })
  heirs!: unknown[];

  @ApiProperty({ description: `Children registered for scholarships. ${PERSONAL}` })
  children!: unknown[];

  @ApiPropertyOptional({ example: '2026-05-02' })
  dateOfDeath?: string;

  @ApiProperty()
  registeredAt!: string;

  @ApiProperty({ description: 'The user who registered the participant.' })
  registeredBy!: string;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty()
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

  @ApiProperty({ description: 'Who did it: user id, kind and roles.' })
  actor!: unknown;

  @ApiProperty()
  correlationId!: string;

  @ApiPropertyOptional({ description: 'The event that caused it, e.g. the claims death record.' })
  causationId?: string | null;

  @ApiProperty({ description: `The event payload, opened. ${PERSONAL}` })
  data!: unknown;
}

export class HistoryResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['full', 'masked'] })
  personalData!: 'full' | 'masked';

  @ApiProperty({ type: [HistoryEntry] })
  events!: HistoryEntry[];
}
