import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentActor, ProblemException, Roles, type Actor } from '@santunan/platform';
import {
  EnrollmentJobStatus,
  JobParams,
  JobProblemsResponse,
  ProblemsQuery,
  jobStatusOf,
  problemViewOf,
} from './enrollment-job.dto';
import { BatchEnroller } from './batch-enroller';
import { EnrollmentJobStore, type EnrollmentJob } from './enrollment-job.store';

const DEFAULT_PROBLEM_ROWS = 100;

/** A sponsor operator follows the jobs they uploaded; officers, auditors and admins follow all. */
const SEES_EVERY_JOB = ['enrollment-officer', 'auditor', 'admin'];

@ApiTags('bulk enrollment')
@ApiProblems({ 404: 'ENROLLMENT_JOB_NOT_FOUND' })
@Controller('enrollment-jobs/:jobId')
export class EnrollmentJobController {
  constructor(
    @Inject(EnrollmentJobStore) private readonly jobs: EnrollmentJobStore,
    @Inject(BatchEnroller) private readonly enroller: BatchEnroller,
  ) {}

  @Get()
  @Roles('sponsor-operator', 'enrollment-officer', 'auditor', 'admin')
  @ApiOperation({ summary: 'Progress of a bulk enrollment job' })
  @ApiOkResponse({ type: EnrollmentJobStatus })
  async status(
    @Param() params: JobParams,
    @CurrentActor() actor: Actor,
  ): Promise<EnrollmentJobStatus> {
    return jobStatusOf(await this.visibleJob(params.jobId, actor));
  }

  @Get('problems')
  @Roles('sponsor-operator', 'enrollment-officer', 'auditor', 'admin')
  @ApiOperation({
    summary: 'The rows of a job that were not enrolled: row number, field, reason, the row’s cells',
  })
  @ApiOkResponse({ type: JobProblemsResponse })
  async problems(
    @Param() params: JobParams,
    @Query() query: ProblemsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<JobProblemsResponse> {
    const job = await this.visibleJob(params.jobId, actor);
    const rows = query.limit ?? DEFAULT_PROBLEM_ROWS;
    const problems = await this.jobs.problems(job.jobId, query.afterRow ?? 0, rows);
    const lastRow = problems[problems.length - 1]?.rowNumber;
    const more =
      lastRow !== undefined && (await this.jobs.problems(job.jobId, lastRow, 1)).length > 0;
    return {
      jobId: job.jobId,
      problems: await Promise.all(
        problems.map(async (problem) =>
          problemViewOf(problem, await this.enroller.openRejectedRow(problem.details)),
        ),
      ),
      ...(more && lastRow !== undefined ? { next: lastRow } : {}),
    };
  }

  private async visibleJob(jobId: string, actor: Actor): Promise<EnrollmentJob> {
    const job = await this.jobs.find(jobId);
    const seesAll = (actor.roles ?? []).some((role) => SEES_EVERY_JOB.includes(role));
    // Another operator's job answers like a missing one: its existence is not theirs to know.
    if (
      job === undefined ||
      job.state === 'receiving' ||
      (!seesAll && job.uploadedBy.id !== actor.id)
    ) {
      throw new ProblemException(
        404,
        'ENROLLMENT_JOB_NOT_FOUND',
        'No such enrollment job',
        `no enrollment job ${jobId} visible to you`,
      );
    }
    return job;
  }
}
