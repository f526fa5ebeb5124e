import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsUUID, Matches } from 'class-validator';
import { ISO_DATE_MESSAGE } from '../shared/http.dto';
import { LodgedClaimDto } from '../shared/lodged-claim.dto';

/** JKM: death not caused by a work accident, claimed by an heir or the burial arranger. */
export class SubmitJkmClaimDto extends LodgedClaimDto {
  @ApiProperty({ format: 'uuid', description: 'A participant known from enrollment.' })
  @IsUUID()
  participantId!: string;

  @ApiProperty({ example: '2026-11-10' })
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  dateOfDeath!: string;
}
