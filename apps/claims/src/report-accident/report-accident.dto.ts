import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccidentNotifierKind } from '@santunan/contracts';
import { ISO_DATE_PATTERN, IsNotBlank } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_MESSAGE } from '../shared/http.dto';

const NOTIFIER_KINDS: readonly AccidentNotifierKind[] = [
  'employer',
  'wadah',
  'union',
  'health-facility',
  'participant',
  'family',
];

export class NotifierDto {
  @ApiProperty({
    enum: NOTIFIER_KINDS,
    description: 'For a BPU: the wadah, union or health facility.',
  })
  @IsIn(NOTIFIER_KINDS)
  kind!: AccidentNotifierKind;

  @ApiProperty({ example: 'Koperasi Nelayan Oesapa' })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  name!: string;
}

export class WitnessDto {
  @ApiProperty({ example: 'Yakobus Manu' })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  name!: string;
}

/** JKK stage I: the accident (or the diagnosis of an occupational disease) is reported. */
export class ReportAccidentDto {
  @ApiProperty({ format: 'uuid', description: 'A participant known from enrollment.' })
  @IsUUID()
  participantId!: string;

  @ApiProperty({ enum: ['accident', 'occupational-disease'] })
  @IsIn(['accident', 'occupational-disease'])
  incidentKind!: 'accident' | 'occupational-disease';

  @ApiProperty({ example: '2026-11-03', description: 'Accident date, or diagnosis date.' })
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  incidentDate!: string;

  @ApiProperty({ example: 'Pantai Oesapa, Kota Kupang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  place!: string;

  @ApiProperty({ description: 'What happened (sealed with the participant’s key).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  chronology!: string;

  @ApiProperty({ description: 'A traffic accident needs a police report.' })
  @IsBoolean()
  trafficAccident!: boolean;

  @ApiProperty({ type: NotifierDto })
  @ValidateNested()
  @Type(() => NotifierDto)
  notifier!: NotifierDto;

  @ApiProperty({ type: [WitnessDto], description: 'The chronology names two witnesses.' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => WitnessDto)
  witnesses!: WitnessDto[];

  @ApiPropertyOptional({ example: '2026-11-04', description: 'Today when absent.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  reportedOn?: string;
}

export class AccidentReportResponse {
  @ApiProperty({ format: 'uuid' })
  reportId!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['reported', 'confirmed', 'refuted'] })
  status!: 'reported' | 'confirmed' | 'refuted';

  @ApiProperty()
  incidentDate!: string;

  @ApiProperty()
  reportedOn!: string;

  @ApiProperty({ description: 'Reports are due in 2 × 24 hours; lateness is recorded only.' })
  daysAfterIncident!: number;

  @ApiProperty({ enum: ['accident', 'occupational-disease'] })
  incidentKind!: 'accident' | 'occupational-disease';

  @ApiProperty()
  place!: string;

  @ApiProperty()
  chronology!: string;

  @ApiProperty()
  trafficAccident!: boolean;

  @ApiProperty({ type: NotifierDto })
  notifier!: NotifierDto;

  @ApiProperty({ type: [WitnessDto] })
  witnesses!: WitnessDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The day of the stage I decision.' })
  decidedOn!: string | null;

  @ApiProperty({ nullable: true, type: String })
  refutationReason!: string | null;

  @ApiProperty({ description: 'The report stream’s version after the command.' })
  version!: number;
}
