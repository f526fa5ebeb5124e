import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLAIM_DOCUMENT_CODES, type ClaimDocumentCode } from '@santunan/contracts';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ClaimChangeResponse } from '../shared/claim-change.response';
import { ISO_DATE_MESSAGE } from '../shared/http.dto';

/** A document of the checklist, received: its reference, never the file. */
export class RecordClaimDocumentDto {
  @ApiProperty({ enum: CLAIM_DOCUMENT_CODES })
  @IsIn(CLAIM_DOCUMENT_CODES)
  document!: ClaimDocumentCode;

  @ApiProperty({ example: 'arsip/2026/11/AK-5371-000123.pdf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  reference!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: 'Today when absent.' })
  @IsOptional()
  @Matches(ISO_DATE_PATTERN, { message: ISO_DATE_MESSAGE })
  receivedOn?: string;
}

export class DeathRegisterEntryDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  holderClaimId!: string | null;

  @ApiProperty({
    description:
      'False: another claim holds this death’s one death benefit; this claim will be rejected naming it.',
  })
  heldByThisClaim!: boolean;
}

export class RecordClaimDocumentResponse extends ClaimChangeResponse {
  @ApiProperty({
    type: DeathRegisterEntryDto,
    nullable: true,
    description: 'Death claims: the death register once the death certificate is recorded.',
  })
  deathRegister!: DeathRegisterEntryDto | null;
}
