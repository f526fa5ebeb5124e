import { ApiProperty } from '@nestjs/swagger';
import { OFFICER_REJECTION_REASONS, type OfficerRejectionReason } from '@santunan/contracts';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

/**
 * A rejection claims staff give on the evidence: a code from the closed list and a note saying
 * what was found, both required (the decider refuses them too: REASON_CODE_INVALID,
 * REASON_REQUIRED). Used by the maker's proposal and the checker's rejection alike.
 */
export class RejectionReasonDto {
  @ApiProperty({
    enum: OFFICER_REJECTION_REASONS,
    description: 'One of GET /claims/rejection-reasons.',
  })
  @IsIn(OFFICER_REJECTION_REASONS, {
    message: `reasonCode must be one of ${OFFICER_REJECTION_REASONS.join(', ')}`,
  })
  reasonCode!: OfficerRejectionReason;

  @ApiProperty({
    example: 'Surat keterangan kematian tidak tercatat di Dukcapil Kota Kupang.',
    maxLength: 2000,
  })
  @IsString()
  @Matches(/\S/, { message: 'note must say what was found (it is blank)' })
  @MaxLength(2000)
  note!: string;
}
