import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { ClaimantDto, ISO_DATE_MESSAGE } from './http.dto';

/** What every claim's submission carries: who lodges it, and when. */
export abstract class LodgedClaimDto {
  @ApiProperty({ type: ClaimantDto })
  @ValidateNested()
  @Type(() => ClaimantDto)
  claimant!: ClaimantDto;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Today when absent.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  lodgedOn?: string;
}
