import type { IncomingMessage } from 'node:http';
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import {
  ApiProblems,
  ApiTag,
  CurrentActor,
  ProblemException,
  Roles,
  ServiceRuntime,
  RequestCause,
  type Actor,
  type CommandCause,
} from '@santunan/platform';
import { CsvUploadReceiver } from './csv-upload.receiver';
import {
  EnrollmentJobList,
  EnrollmentJobStatus,
  JobListQuery,
  jobStatusOf,
  ProgramParams,
  UploadQuery,
} from './enrollment-job.dto';
import { EnrollmentJobStore } from './enrollment-job.store';

/** Who sees every upload of a program; a sponsor operator sees the ones they uploaded. */
const SEES_EVERY_UPLOAD = ['enrollment-officer', 'auditor', 'admin'];

/** Spreadsheet programs and browsers label CSV files in several ways. */
const CSV_MEDIA_TYPES = new Set([
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);

@ApiTag(
  'bulk enrollment',
  'A sponsor’s CSV of workers enrolled as a job: upload, progress, and the rows refused.',
)
@Controller('sponsor-programs/:programId/enrollment-jobs')
export class UploadWorkersController {
  constructor(
    @Inject(CsvUploadReceiver) private readonly receiver: CsvUploadReceiver,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(EnrollmentJobStore) private readonly jobs: EnrollmentJobStore,
  ) {}

  @Get()
  @Roles('sponsor-operator', 'enrollment-officer', 'auditor', 'admin')
  @ApiOperation({
    summary: 'The uploads of a sponsor program, newest first, with their counts',
    description:
      'An operator coming back to a program finds the files they sent and each job’s rows ' +
      'enrolled, already enrolled and refused (the refused rows at /enrollment-jobs/{jobId}/problems). ' +
      'A sponsor operator sees the jobs they uploaded; officers, auditors and admins see all.',
  })
  @ApiOkResponse({ type: EnrollmentJobList })
  async list(
    @Param() params: ProgramParams,
    @Query() query: JobListQuery,
    @CurrentActor() actor: Actor,
  ): Promise<EnrollmentJobList> {
    const seesAll = (actor.roles ?? []).some((role) => SEES_EVERY_UPLOAD.includes(role));
    const jobs = await this.jobs.listForProgram(
      params.programId,
      seesAll ? null : actor.id,
      query.limit ?? 50,
    );
    return { programId: params.programId, jobs: jobs.map(jobStatusOf) };
  }

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('sponsor-operator', 'admin')
  @ApiOperation({
    summary: 'Upload a CSV of workers to enrol under a sponsor program',
    description:
      'The body is the CSV itself (streamed; 100,000 rows are fine), UTF-8 (a BOM is fine), header ' +
      'line with the columns nik, full_name, birth_date, sex, address, regency_code, phone, occupation, ' +
      'declared_income in any order. Answers 202 with a job; follow it at /enrollment-jobs/{jobId}. ' +
      'Each bad row is reported with row number, field and reason; rows already enrolled (same NIK, ' +
      'same data) are counted, not enrolled again. A file refused whole (400) enrols nobody.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: EnrollmentJobStatus })
  @ApiProblems({
    400: [
      'CSV_EMPTY',
      'CSV_NO_ROWS',
      'CSV_COLUMNS_MISSING',
      'CSV_MALFORMED',
      'CSV_RECORD_TOO_LARGE',
      'UPLOAD_INTERRUPTED',
    ],
    413: 'UPLOAD_TOO_LARGE',
    415: 'UPLOAD_MEDIA_TYPE',
  })
  async upload(
    @Param() params: ProgramParams,
    @Query() query: UploadQuery,
    @Req() request: IncomingMessage,
    @RequestCause() cause: CommandCause,
  ): Promise<EnrollmentJobStatus> {
    const { actor, correlationId } = cause;
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType === undefined || !CSV_MEDIA_TYPES.has(mediaType)) {
      throw new ProblemException(
        415,
        'UPLOAD_MEDIA_TYPE',
        'Send the file as text/csv',
        `the body must be the CSV file itself (Content-Type: text/csv), not ${mediaType || 'nothing'}`,
      );
    }
    const job = await this.receiver.receive(request, {
      programId: params.programId,
      actor,
      correlationId,
      fileName: query.fileName ?? null,
      incomeEffectiveFrom: query.incomeEffectiveFrom ?? this.runtime.clock.today().slice(0, 7),
    });
    return jobStatusOf(job);
  }
}
