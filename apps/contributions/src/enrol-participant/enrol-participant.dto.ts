import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class EnrolParticipantDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId!: string;

  @ApiPropertyOptional({
    example: '2026-01',
    description:
      'First sponsored month; by default the current month, the program’s first, or the month after those the participant paid himself.',
  })
  @IsOptional()
  @Matches(ISO_MONTH_PATTERN, { message: 'fromMonth must be YYYY-MM' })
  fromMonth?: string;
}

export class EnrolmentDto {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({ example: 1, description: 'The order sponsor payments are allocated in.' })
  enrolmentNumber!: number;

  @ApiProperty({ example: '2026-01' })
  fromMonth!: string;

  @ApiProperty({ example: '2026-12' })
  toMonth!: string;

  @ApiProperty({ example: 201_600, description: 'Budget committed: tariff × months.' })
  commitment!: number;

  @ApiProperty()
  changed!: boolean;
}
