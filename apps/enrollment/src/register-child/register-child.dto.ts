import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChildRelationship } from '@santunan/contracts';
import { ISO_DATE_PATTERN, IsNotBlank } from '@santunan/platform';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const CHILD_RELATIONSHIPS: readonly ChildRelationship[] = ['biological', 'step', 'adopted'];

export class RegisterChildDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Send the same id again to retry safely; a new child gets one when absent.',
  })
  @IsOptional()
  @IsUUID()
  childId?: string;

  @ApiProperty({ example: 'Anastasia Bria', maxLength: 120 })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;

  @ApiProperty({ example: '2015-04-01' })
  @Matches(ISO_DATE_PATTERN, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate!: string;

  @ApiProperty({ enum: CHILD_RELATIONSHIPS })
  @IsIn(CHILD_RELATIONSHIPS)
  relationship!: ChildRelationship;
}

export class ChildRegistrationResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ format: 'uuid' })
  childId!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ description: 'False when this child was already registered (a retry).' })
  changed!: boolean;
}
