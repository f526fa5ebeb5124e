import { ApiProperty } from '@nestjs/swagger';
import { ISO_DATE_PATTERN } from '@santunan/platform';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * A death reported to an enrollment officer (by the family or Dukcapil) before any claim. A
 * blank certificate number passes here so that the decider refuses it with its own code
 * (DEATH_CERTIFICATE_MISSING), as it refuses impossible dates (DEATH_DATE_*).
 */
export class RecordDeathDto {
  @ApiProperty({ example: '2026-11-10', description: 'The date of death on the certificate.' })
  @Matches(ISO_DATE_PATTERN, { message: 'dateOfDeath must be YYYY-MM-DD' })
  dateOfDeath!: string;

  @ApiProperty({
    example: '5371-KM-10112026-0042',
    maxLength: 60,
    description: 'The number of the death certificate (akta kematian) the death is recorded on.',
  })
  @IsString()
  @MaxLength(60)
  deathCertificateReference!: string;
}
