import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class ReportIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  reportId!: string;
}

export class ConfirmWorkAccidentDto {
  @ApiProperty({ example: 'Kecelakaan saat melaut; keterangan wadah dan saksi sesuai.' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

export class RefuteWorkAccidentDto {
  @ApiProperty({ example: 'Terjadi di luar kegiatan kerja.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
