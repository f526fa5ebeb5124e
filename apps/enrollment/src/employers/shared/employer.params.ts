import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export const NPP_PATTERN = /^\d{8}$/;

export class NppParams {
  @ApiProperty({ example: '12345678', description: 'The employer’s NPP (8 digits).' })
  @Matches(NPP_PATTERN, { message: 'npp must be 8 digits' })
  npp!: string;
}

export class WorkerParams extends NppParams {
  @ApiProperty({ format: 'uuid', description: 'The worker’s participant id.' })
  @IsUUID()
  participantId!: string;
}
