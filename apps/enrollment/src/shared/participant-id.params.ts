import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ParticipantIdParams {
  @ApiProperty({ format: 'uuid', description: 'The participant id given at registration.' })
  @IsUUID()
  participantId!: string;
}
