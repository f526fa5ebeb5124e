import { ApiProperty } from '@nestjs/swagger';
import type { ParticipantState } from '@santunan/enrollment-domain';
import { IsNotBlank, type CommandResult } from '@santunan/platform';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const PHONE_PATTERN = /^\+?\d{8,15}$/;

export class AddressDto {
  @ApiProperty({ example: 'Jl. El Tari 10, Oebobo', maxLength: 250 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(250)
  line!: string;

  @ApiProperty({ example: '5371', description: 'Kemendagri kabupaten/kota code (4 digits).' })
  @Matches(/^\d{4}$/, { message: 'regencyCode must be a 4-digit kabupaten/kota code' })
  regencyCode!: string;
}

/** Acknowledges a command: which participant, and the stream version it left. */
export class ParticipantChangeResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty({
    description: 'The stream version after the command (unchanged when nothing changed).',
  })
  version!: number;

  @ApiProperty({ description: 'False when the command changed nothing (a retry).' })
  changed!: boolean;
}

export class NameDto {
  @ApiProperty({ example: 'Yohanes Bria', maxLength: 120 })
  @IsString()
  @IsNotBlank()
  @MaxLength(120)
  fullName!: string;
}

/** An accepted command's answer (the controllers pass the result through `accepted` first). */
export function participantChange(
  participantId: string,
  result: Extract<CommandResult<ParticipantState>, { ok: true }>,
): ParticipantChangeResponse {
  return { participantId, version: result.version, changed: result.events.length > 0 };
}
