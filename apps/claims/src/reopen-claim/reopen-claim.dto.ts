import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ClaimChangeResponse } from '../shared/claim-change.response';

/** An appeal (by the claimant) or a correction (by the office) of a decided claim. */
export class ReopenClaimDto {
  @ApiProperty({ enum: ['appeal', 'correction'] })
  @IsIn(['appeal', 'correction'])
  kind!: 'appeal' | 'correction';

  @ApiProperty({ example: 'Ahli waris mengajukan keberatan dengan bukti pembayaran iuran.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ReopenClaimResponse extends ClaimChangeResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'The decision the next one supersedes (its supersedesDecisionId).',
  })
  previousDecisionId!: string;
}
