import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_MONTH_PATTERN } from '@santunan/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { EnrollmentJob, StoredRowProblem } from './enrollment-job.store';

export class ProgramParams {
  @ApiProperty({
    example: 'ntt-2026',
    description: 'The sponsor program that pays for these workers.',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'programId is not a program id' })
  programId!: string;
}

export class UploadQuery {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'Month the declared incomes apply from; the current month when absent.',
  })
  @IsOptional()
  @Matches(ISO_MONTH_PATTERN, { message: 'incomeEffectiveFrom must be YYYY-MM' })
  incomeEffectiveFrom?: string;

  @ApiPropertyOptional({
    example: 'pekerja-ntt-2026-01.csv',
    description: 'Shown in the job status.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}

export class JobParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  jobId!: string;
}

export class ProblemsQuery {
  @ApiPropertyOptional({
    default: 0,
    description: 'Rows after this row number (the `next` of the previous page).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterRow?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000, description: 'Rows per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class EnrollmentJobStatus {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;

  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({
    enum: ['queued', 'running', 'completed', 'failed'],
    description: 'A job survives a restart of the service: `running` resumes where it stood.',
  })
  state!: string;

  @ApiPropertyOptional({ nullable: true })
  fileName!: string | null;

  @ApiProperty({ example: '2026-01' })
  incomeEffectiveFrom!: string;

  @ApiProperty({ description: 'Data rows in the file (header not counted).' })
  totalRows!: number;

  @ApiProperty({ description: 'Rows dealt with so far: enrolled + alreadyEnrolled + rejected.' })
  rowsRead!: number;

  @ApiProperty()
  enrolled!: number;

  @ApiProperty({ description: 'Rows whose NIK was already registered with the same data.' })
  alreadyEnrolled!: number;

  @ApiProperty({ description: 'Rows with problems (see /problems).' })
  rejected!: number;

  @ApiProperty({ description: 'The uploader’s user id.' })
  uploadedBy!: string;

  @ApiProperty()
  fileBytes!: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'SHA-256 of the file: the same file uploaded twice has the same.',
  })
  fileSha256!: string | null;

  @ApiPropertyOptional({ nullable: true })
  failure!: string | null;

  @ApiProperty()
  createdAt!: string;

  @ApiPropertyOptional({ nullable: true })
  startedAt!: string | null;

  @ApiPropertyOptional({ nullable: true })
  finishedAt!: string | null;
}

export class RejectedCell {
  @ApiProperty({ example: 'full_name', description: 'The header’s column name.' })
  column!: string;

  @ApiProperty({ description: 'The cell as the file had it.' })
  value!: string;
}

export class RowProblemView {
  @ApiProperty({ example: 7, description: 'Line of the file (the header is line 1).' })
  rowNumber!: number;

  @ApiProperty({ example: 'nik', description: 'The CSV column, or `row` for the row as a whole.' })
  field!: string;

  @ApiProperty({ example: 'NIK_BIRTH_DATE_MISMATCH' })
  code!: string;

  @ApiProperty({ example: 'NIK encodes a birth date other than 1990-08-16' })
  reason!: string;

  @ApiPropertyOptional({ example: { participantId: '0b6f…' } })
  details?: Readonly<Record<string, unknown>>;

  @ApiPropertyOptional({
    type: [RejectedCell],
    description: 'The refused row as uploaded, so it can be fixed and sent again.',
  })
  cells?: RejectedCell[];
}

export class JobProblemsResponse {
  @ApiProperty({ format: 'uuid' })
  jobId!: string;

  @ApiProperty({ type: [RowProblemView] })
  problems!: RowProblemView[];

  @ApiPropertyOptional({ description: 'Pass as `afterRow` for the next page; absent on the last.' })
  next?: number;
}

export function jobStatusOf(job: EnrollmentJob): EnrollmentJobStatus {
  return {
    jobId: job.jobId,
    programId: job.programId,
    state: job.state,
    fileName: job.fileName,
    incomeEffectiveFrom: job.incomeEffectiveFrom,
    totalRows: job.totalRows ?? 0,
    rowsRead: job.rowsRead,
    enrolled: job.enrolled,
    alreadyEnrolled: job.alreadyEnrolled,
    rejected: job.rejected,
    uploadedBy: job.uploadedBy.id,
    fileBytes: job.fileBytes,
    fileSha256: job.fileSha256,
    failure: job.failure,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export function problemViewOf(
  problem: StoredRowProblem,
  cells: readonly RejectedCell[] | null = null,
): RowProblemView {
  // The sealed cells are the service's; the caller gets them opened, or not at all.
  const { rejectedRow: _sealed, ...details } = problem.details ?? {};
  return {
    rowNumber: problem.rowNumber,
    field: problem.field,
    code: problem.code,
    reason: problem.reason,
    ...(Object.keys(details).length === 0 ? {} : { details }),
    ...(cells === null ? {} : { cells: [...cells] }),
  };
}

export class JobListQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;
}

export class EnrollmentJobList {
  @ApiProperty({ example: 'ntt-2026' })
  programId!: string;

  @ApiProperty({ type: [EnrollmentJobStatus], description: 'Newest first.' })
  jobs!: EnrollmentJobStatus[];
}
