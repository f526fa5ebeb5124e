import { ApiProperty } from '@nestjs/swagger';
import { missingDocuments, type ClaimState } from '@santunan/claims-domain';
import {
  CLAIM_DOCUMENT_CODES,
  type ClaimBenefitType,
  type ClaimDocumentCode,
  type ClaimProgram,
} from '@santunan/contracts';

export class ReceivedDocumentDto {
  @ApiProperty({ enum: CLAIM_DOCUMENT_CODES })
  document!: ClaimDocumentCode;

  @ApiProperty({ description: 'Where the file is kept: never the file itself.' })
  reference!: string;

  @ApiProperty()
  receivedOn!: string;
}

export class ClaimDocumentsDto {
  @ApiProperty({ enum: CLAIM_DOCUMENT_CODES, isArray: true })
  required!: ClaimDocumentCode[];

  @ApiProperty({ type: [ReceivedDocumentDto] })
  received!: ReceivedDocumentDto[];

  @ApiProperty({
    enum: CLAIM_DOCUMENT_CODES,
    isArray: true,
    description: 'Requested, not back yet.',
  })
  outstanding!: ClaimDocumentCode[];

  @ApiProperty({ enum: CLAIM_DOCUMENT_CODES, isArray: true })
  missing!: ClaimDocumentCode[];

  @ApiProperty({ description: 'Complete: the payment SLA clock runs.' })
  complete!: boolean;
}

/** A claim after a command on it: where it stands and what it still needs. */
export class ClaimChangeResponse {
  @ApiProperty({ format: 'uuid' })
  claimId!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ enum: ['jkk', 'jkm'] })
  program!: ClaimProgram;

  @ApiProperty({
    enum: [
      'jkk-death',
      'jkk-total-permanent-disability',
      'jkk-partial-disability',
      'jkk-temporary-incapacity',
      'jkk-care-and-reimbursement',
      'jkm-death',
    ],
  })
  benefitType!: ClaimBenefitType;

  @ApiProperty({
    enum: ['open', 'pending-contribution', 'awaiting-checker', 'approved', 'rejected'],
  })
  status!: Exclude<ClaimState['status'], 'none'>;

  @ApiProperty()
  incidentDate!: string;

  @ApiProperty({ nullable: true, type: String })
  dateOfDeath!: string | null;

  @ApiProperty({ description: 'The day the claim was lodged (the claim expiry counts to it).' })
  claimDate!: string;

  @ApiProperty({ type: ClaimDocumentsDto })
  documents!: ClaimDocumentsDto;

  @ApiProperty({ description: 'The claim stream’s version after the command.' })
  version!: number;
}

export function claimChangeResponse(state: ClaimState, version: number): ClaimChangeResponse {
  if (state.status === 'none') throw new Error('an accepted claim command leaves a claim');
  const { file } = state;
  return {
    claimId: file.claimId,
    participantId: file.participantId,
    program: file.program,
    benefitType: file.benefitType,
    status: state.status,
    incidentDate: file.incidentDate,
    dateOfDeath: file.dateOfDeath,
    claimDate: file.claimDate,
    documents: {
      required: [...file.documents.required],
      received: file.documents.received.map(({ document, reference, receivedOn }) => ({
        document,
        reference,
        receivedOn,
      })),
      outstanding: file.documents.outstanding.map((request) => request.document),
      missing: missingDocuments(file),
      complete: file.documents.complete,
    },
    version,
  };
}
