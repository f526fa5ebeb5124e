import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ClaimantDto, ISO_DATE_MESSAGE } from '../shared/http.dto';

/** JKM: death not caused by a work accident, claimed by an heir or the burial arranger. */
export class SubmitJkmClaimDto {
  @ApiProperty({ format: 'uuid', description: 'A participant known from enrollment.' })
  @IsUUID()
  participantId!: string;

  @ApiProperty({ example: '2026-11-10' })
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  dateOfDeath!: string;

  @ApiProperty({ type: ClaimantDto })
  @ValidateNested()
  @Type(() => ClaimantDto)
  claimant!: ClaimantDto;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Today when absent.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  lodgedOn?: string;
}
