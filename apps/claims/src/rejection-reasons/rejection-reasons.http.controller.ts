import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { OFFICER_REJECTION_REASONS, type OfficerRejectionReason } from '@santunan/contracts';

export class RejectionReasonItem {
  @ApiProperty({ enum: OFFICER_REJECTION_REASONS })
  code!: OfficerRejectionReason;

  @ApiProperty({
    example: 'rejectionReason.DOCUMENTS_NOT_AUTHENTIC',
    description: 'The message key a client labels the code with, in its own languages.',
  })
  labelKey!: string;
}

export class RejectionReasonsResponse {
  @ApiProperty({ type: [RejectionReasonItem] })
  reasons!: RejectionReasonItem[];
}

/** The closed list a rejection form offers; the same list the DTOs and the decider accept. */
@ApiTags('decisions')
@Controller('claims/rejection-reasons')
export class RejectionReasonsController {
  @Get()
  @ApiOperation({
    summary: 'The reason codes claims staff may give for a rejection (any signed-in user)',
  })
  @ApiOkResponse({ type: RejectionReasonsResponse })
  list(): RejectionReasonsResponse {
    return {
      reasons: OFFICER_REJECTION_REASONS.map((code) => ({
        code,
        labelKey: `rejectionReason.${code}`,
      })),
    };
  }
}
