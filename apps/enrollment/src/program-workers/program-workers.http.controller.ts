import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@santunan/platform';
import { IsString, Matches } from 'class-validator';
import { ProgramWorkersReader, type RegencyWorkers } from './program-workers.reader';

export class ProgramWorkersParams {
  @ApiProperty({ example: 'ntt-2026' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'programId must be lower-case letters, digits and dashes',
  })
  programId!: string;
}

class RegencyWorkersDto implements RegencyWorkers {
  @ApiProperty({ example: '5371' })
  regencyCode!: string;

  @ApiProperty({ description: 'Alive: covered by the sponsorship.' })
  active!: number;

  @ApiProperty()
  deceased!: number;
}

class ProgramWorkersDto {
  @ApiProperty()
  programId!: string;

  @ApiProperty({ type: [RegencyWorkersDto] })
  regencies!: RegencyWorkersDto[];
}

@ApiTags('participants')
@Controller('sponsor-programs/:programId/workers-by-regency')
export class ProgramWorkersController {
  constructor(@Inject(ProgramWorkersReader) private readonly reader: ProgramWorkersReader) {}

  @Get()
  @Roles('sponsor-operator', 'admin', 'finance', 'auditor')
  @ApiOperation({
    summary: 'How many workers a sponsor program enrolled, by kabupaten/kota (counts only)',
  })
  @ApiOkResponse({ type: ProgramWorkersDto })
  async byRegency(@Param() params: ProgramWorkersParams): Promise<ProgramWorkersDto> {
    return {
      programId: params.programId,
      regencies: await this.reader.byRegency(params.programId),
    };
  }
}
