import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_DOCUMENT_CODES, type ClaimDocumentCode } from '@santunan/contracts';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsString, MaxLength } from 'class-validator';

export class RequestClaimDocumentsDto {
  @ApiProperty({ enum: CLAIM_DOCUMENT_CODES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(CLAIM_DOCUMENT_CODES.length)
  @IsIn(CLAIM_DOCUMENT_CODES, { each: true })
  documents!: ClaimDocumentCode[];

  @ApiProperty({ example: 'Surat keterangan ahli waris belum dilegalisir kelurahan.' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}
