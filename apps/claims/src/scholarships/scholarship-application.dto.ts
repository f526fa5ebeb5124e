import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SCHOLARSHIP_DOCUMENT_CODES,
  type ScholarshipDocumentCode,
  type ScholarshipLevel,
} from '@santunan/contracts';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import type { ChildWork } from '@santunan/rules';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ISO_DATE_MESSAGE } from '../shared/http.dto';
import { ScholarshipPayeeDto } from '../shared/scholarship-payee.dto';

const LEVELS: readonly ScholarshipLevel[] = ['TK-SD', 'SMP', 'SMA', 'PT'];
const WORK_KINDS: readonly ChildWork['kind'][] = [
  'not-working',
  'pu-job',
  'bpu',
  'apprenticeship',
  'other-work',
];

export class EntitlementIdParams {
  @ApiProperty({ format: 'uuid', description: 'The approved decision that opened it.' })
  @IsUUID()
  entitlementId!: string;
}

export class ApplicationParams extends EntitlementIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId!: string;
}

export class ChildParams extends EntitlementIdParams {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  childId!: string;
}

export class EnrolmentDto {
  @ApiProperty({ example: 'SMP Negeri 2 Kupang' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  schoolName!: string;

  @ApiProperty({ example: 'arsip/beasiswa/2026/surat-aktif-sekolah-123.pdf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  evidenceReference!: string;
}

export class ChildWorkDto {
  @ApiProperty({ enum: WORK_KINDS })
  @IsIn(WORK_KINDS)
  kind!: ChildWork['kind'];

  @ApiPropertyOptional({ description: 'pu-job: months of the job (short ones are allowed).' })
  @ValidateIf((work: ChildWorkDto) => work.kind === 'pu-job')
  @IsInt()
  @Min(0)
  months?: number;
}

export class ChildSituationDto {
  @ApiProperty()
  @IsBoolean()
  married!: boolean;

  @ApiProperty({ type: ChildWorkDto })
  @ValidateNested()
  @Type(() => ChildWorkDto)
  work!: ChildWorkDto;
}

export class ScholarshipDocumentDto {
  @ApiProperty({ enum: SCHOLARSHIP_DOCUMENT_CODES })
  @IsIn(SCHOLARSHIP_DOCUMENT_CODES)
  code!: ScholarshipDocumentCode;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  reference!: string;
}

/** A child's yearly scholarship application with proof of enrolment (July–June year). */
export class ScholarshipApplicationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  childId!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Today when absent.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  applicationDate?: string;

  @ApiProperty({ example: '2026/2027', description: 'The school year of the application date.' })
  @Matches(/^\d{4}\/\d{4}$/, { message: 'schoolYear must be YYYY/YYYY' })
  schoolYear!: string;

  @ApiProperty({ enum: LEVELS })
  @IsIn(LEVELS)
  level!: ScholarshipLevel;

  @ApiProperty({ type: EnrolmentDto })
  @ValidateNested()
  @Type(() => EnrolmentDto)
  enrolment!: EnrolmentDto;

  @ApiProperty({ type: ChildSituationDto })
  @ValidateNested()
  @Type(() => ChildSituationDto)
  child!: ChildSituationDto;

  @ApiProperty({ type: [ScholarshipDocumentDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScholarshipDocumentDto)
  documents!: ScholarshipDocumentDto[];

  @ApiProperty({ type: ScholarshipPayeeDto })
  @ValidateNested()
  @Type(() => ScholarshipPayeeDto)
  payee!: ScholarshipPayeeDto;
}

export function childWorkOf(dto: ChildWorkDto): ChildWork {
  switch (dto.kind) {
    case 'pu-job':
      return { kind: 'pu-job', months: dto.months ?? 0 };
    case 'not-working':
    case 'bpu':
    case 'apprenticeship':
    case 'other-work':
      return { kind: dto.kind };
    default: {
      const _exhaustive: never = dto.kind;
      return _exhaustive;
    }
  }
}

export class SendBackInstalmentDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class EndScholarshipDto {
  @ApiProperty({ enum: ['age-limit', 'married', 'working'] })
  @IsIn(['age-limit', 'married', 'working'])
  reason!: 'age-limit' | 'married' | 'working';

  @ApiProperty({ example: '2026-11-20' })
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  endedOn!: string;
}

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** What became of an application: its instalment (with the explanation) or why it was refused. */
export class ScholarshipApplicationResponse {
  @ApiProperty({ format: 'uuid' })
  entitlementId!: string;

  @ApiProperty({ format: 'uuid' })
  applicationId!: string;

  @ApiProperty()
  childId!: string;

  @ApiProperty({ enum: ['proposed', 'approved', 'refused', 'sent-back'] })
  outcome!: 'proposed' | 'approved' | 'refused' | 'sent-back';

  @ApiProperty({
    ...OBJECT,
    nullable: true,
    description:
      'The instalment record: level, school year, amount, explanation with legal basis, payee; ' +
      'with the approval once approved.',
  })
  instalment!: Readonly<Record<string, unknown>> | null;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'Refused: the reason codes.' })
  reasons!: readonly { readonly code: string; readonly message: string }[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'An age, marriage or work failure also ends the child’s scholarship.',
  })
  endedForChild!: string | null;

  @ApiProperty()
  version!: number;
}
