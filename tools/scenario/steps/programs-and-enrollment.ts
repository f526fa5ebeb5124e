/**
 * The sponsors open their programs (contributions) and enrol their workers by CSV upload
 * (enrollment's bulk endpoint); contributions enrols each registered worker in his program
 * from enrollment.events, which the program report shows.
 */
import { operatorOf, type ScenarioContext } from '../context';
import { mapLimited, poll } from '../http-client';
import { APBD_TARIFF } from '../regulation';
import { NttPopulation, regencyName, workersCsv } from '../synthetic-data';

interface OpenedProgram {
  readonly programId: string;
  readonly quota: number;
  readonly contribution: { jkk: number; jkm: number; total: number };
  readonly firstMonth: string;
  readonly lastMonth: string;
}

interface JobStatus {
  readonly jobId: string;
  readonly state: 'queued' | 'running' | 'completed' | 'failed';
  readonly totalRows: number;
  readonly rowsRead: number;
  readonly enrolled: number;
  readonly alreadyEnrolled: number;
  readonly rejected: number;
  readonly failure: string | null;
}

export interface ProgramReport {
  readonly programId: string;
  readonly budget: number;
  readonly quota: number;
  readonly enrolled: number;
  readonly sponsorshipsEnded: number;
  readonly committed: number;
  readonly billed: number;
  readonly received: number;
  readonly paid: number;
  readonly held: number;
  readonly refunded: number;
  readonly remainingBudget: number;
}

export async function openPrograms(context: ScenarioContext): Promise<void> {
  const { plan, http, log, checks } = context;
  for (const program of plan.programs) {
    const opened = await http.call<OpenedProgram>(
      'contributions',
      operatorOf(program.operator),
      'POST',
      '/programs',
      {
        body: {
          programId: program.programId,
          name: program.name,
          sponsorType: program.sponsorType,
          pksNumber: program.pksNumber,
          budget: program.budget,
          firstMonth: plan.firstMonth,
          lastMonth: plan.lastMonth,
        },
      },
    );
    // quota = budget ÷ (tariff × months) (rules reference §7): 10,080,000,000 → 50,000.
    const quota = Math.floor(program.budget / (APBD_TARIFF * plan.months.length));
    checks.equal(`${program.programId} tariff`, opened.contribution.total, APBD_TARIFF);
    checks.equal(`${program.programId} quota`, opened.quota, quota);
    log(
      `  program ${program.programId} (${program.regencyCode ? regencyName(program.regencyCode) : 'Provinsi NTT'}): ` +
        `budget Rp${rupiah(program.budget)}, ${opened.firstMonth}..${opened.lastMonth}, ` +
        `tariff Rp${rupiah(opened.contribution.total)}, quota ${rupiah(opened.quota)}`,
    );
  }
}

/** Draws every program's workers (the same for the same seed) and uploads them as CSV. */
export async function enrolWorkers(context: ScenarioContext): Promise<void> {
  const { plan, http, log, checks, state } = context;
  const population = new NttPopulation(plan.seed);
  for (const program of plan.programs) {
    state.workers.push(
      Array.from({ length: program.workers }, () =>
        population.worker(program.regencyCode ?? undefined),
      ),
    );
  }
  // One upload per program; enrollment's job worker takes them in turn.
  const jobs = await mapLimited(plan.programs, 2, async (program, index) => {
    const csv = workersCsv(state.workers[index] ?? []);
    const job = await http.call<JobStatus>(
      'enrollment',
      operatorOf(program.operator),
      'POST',
      `/sponsor-programs/${program.programId}/enrollment-jobs?fileName=${program.programId}-workers.csv`,
      { csv, expect: [202] },
    );
    log(`  uploaded ${program.programId}-workers.csv: ${program.workers} rows (job ${job.jobId})`);
    return job;
  });
  await mapLimited(plan.programs, plan.programs.length, async (program, index) => {
    const job = jobs[index];
    if (job === undefined) throw new Error('a job is missing');
    let shown = 0;
    const done = await poll(
      `enrollment job ${job.jobId} of ${program.programId}`,
      async () => {
        const status = await http.call<JobStatus>(
          'enrollment',
          operatorOf(program.operator),
          'GET',
          `/enrollment-jobs/${job.jobId}`,
        );
        if (status.rowsRead - shown >= 10_000) {
          shown = status.rowsRead;
          log(`  ${program.programId}: ${status.rowsRead} of ${status.totalRows} rows read`);
        }
        return status.state === 'completed' || status.state === 'failed' ? status : undefined;
      },
      { timeoutMs: context.patienceMs, maxIntervalMs: 2_000 },
    );
    checks.equal(`${program.programId} enrollment job state`, done.state, 'completed');
    checks.equal(`${program.programId} rows rejected`, done.rejected, 0);
    checks.equal(
      `${program.programId} rows enrolled (new or already)`,
      done.enrolled + done.alreadyEnrolled,
      program.workers,
    );
  });
  // Contributions enrols them from enrollment.events: the program report counts them.
  await mapLimited(plan.programs, plan.programs.length, async (program) => {
    let shown = -1;
    const report = await poll(
      `${program.programId}'s ${program.workers} enrolments at contributions`,
      async () => {
        const current = await programReport(context, program.programId, program.operator);
        if (current.enrolled !== shown && current.enrolled % 5_000 < 50) {
          shown = current.enrolled;
          if (current.enrolled > 0 && current.enrolled < program.workers)
            log(`  ${program.programId}: ${current.enrolled} enrolled at contributions`);
        }
        return current.enrolled >= program.workers ? current : undefined;
      },
      { timeoutMs: context.patienceMs, maxIntervalMs: 2_000 },
    );
    const commitment = program.workers * APBD_TARIFF * plan.months.length;
    checks.equal(`${program.programId} enrolled`, report.enrolled, program.workers);
    checks.equal(`${program.programId} committed`, report.committed, commitment);
    log(
      `  ${program.programId}: ${report.enrolled} workers enrolled, Rp${rupiah(report.committed)} committed`,
    );
  });
}

export function programReport(
  context: ScenarioContext,
  programId: string,
  operator: string,
): Promise<ProgramReport> {
  return context.http.call<ProgramReport>(
    'contributions',
    operatorOf(operator),
    'GET',
    `/programs/${programId}/report`,
  );
}

export function rupiah(amount: number): string {
  return amount.toLocaleString('en-US');
}
