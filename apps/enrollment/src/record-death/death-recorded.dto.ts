import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/**
 * The part of claims' `DeathRecorded` (libs/contracts/src/claims/events.ts) enrollment relies
 * on. Other members are stripped by the consumer (tolerant reader), so claims may add some.
 */
export class DeathRecordedDto {
  @IsUUID()
  participantId!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfDeath must be YYYY-MM-DD' })
  dateOfDeath!: string;

  @IsOptional()
  @IsString()
  claimId?: string;
}
