/**
 * Uploads a sponsor's worker CSV to the enrollment service and follows the job with a
 * progress bar until it completes, then lists the rows that were not enrolled.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     tools/enrollment/upload-workers.ts --file pekerja.csv --program ntt-2026 \
 *     [--income-from 2026-01] [--url http://127.0.0.1:3001] [--token <jwt>] [--sub operator-ntt]
 *
 * The token comes from --token or ENROLLMENT_TOKEN (e.g. `--token "$(npm run -s token)"`);
 * without one, and with AUTH_MODE=hs256 and AUTH_JWT_SECRET set (offline use), a
 * sponsor-operator token is minted for --sub. Exit code 0 when the job
 * completed (rows may still have been refused: they are listed), 1 otherwise.
 */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { authConfigFromEnvironment, mintAccessToken, mintingConfig } from '@santunan/platform';
import { EnrollmentClient, ProblemResponseError, type JobStatus } from './enrollment-client';

interface Arguments {
  readonly file: string;
  readonly program: string;
  readonly incomeFrom?: string;
  readonly url: string;
  readonly token?: string;
  readonly sub: string;
  readonly pollMs: number;
  readonly showProblems: number;
}

const USAGE =
  'usage: upload-workers --file <workers.csv> --program <program id> [--income-from YYYY-MM] ' +
  '[--url http://127.0.0.1:3001] [--token <jwt>] [--sub <user>] [--poll-ms 500] [--show-problems 20]';

function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (!name?.startsWith('--') || value === undefined) throw new Error(USAGE);
    values.set(name.slice(2), value);
  }
  const file = values.get('file');
  const program = values.get('program');
  if (!file || !program) throw new Error(USAGE);
  return {
    file,
    program,
    incomeFrom: values.get('income-from'),
    url: values.get('url') ?? process.env['ENROLLMENT_URL'] ?? 'http://127.0.0.1:3001',
    token: values.get('token') ?? process.env['ENROLLMENT_TOKEN'],
    sub: values.get('sub') ?? 'sponsor-operator',
    pollMs: Number(values.get('poll-ms') ?? 500),
    showProblems: Number(values.get('show-problems') ?? 20),
  };
}

function tokenFor(args: Arguments): string {
  if (args.token) return args.token;
  // Local convenience only: whoever holds the secret can mint any role (ADR 0007).
  return mintAccessToken(
    { subject: args.sub, roles: ['sponsor-operator'], ttl: '8h' },
    mintingConfig(authConfigFromEnvironment()),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(
  client: EnrollmentClient,
  job: JobStatus,
  pollMs: number,
): Promise<JobStatus> {
  const bar = new SingleBar({
    format:
      ' {bar} {percentage}% | {value}/{total} rows | enrolled {enrolled} | already {already} | rejected {rejected} | {state} | ETA {eta_formatted}',
    hideCursor: true,
    // Piped into a log (CI, nohup): still print the line, every few seconds.
    noTTYOutput: true,
    notTTYSchedule: 3_000,
  });
  bar.start(job.totalRows, job.rowsRead, {
    enrolled: 0,
    already: 0,
    rejected: 0,
    state: job.state,
  });
  let status = job;
  while (status.state === 'queued' || status.state === 'running') {
    await sleep(pollMs);
    status = await client.status(job.jobId);
    bar.update(status.rowsRead, {
      enrolled: status.enrolled,
      already: status.alreadyEnrolled,
      rejected: status.rejected,
      state: status.state,
    });
  }
  bar.stop();
  return status;
}

async function listProblems(client: EnrollmentClient, jobId: string, limit: number): Promise<void> {
  const { problems, next } = await client.problems(jobId, 0, limit);
  for (const problem of problems) {
    process.stdout.write(
      `  row ${problem.rowNumber}  ${problem.field}  ${problem.code}: ${problem.reason}\n`,
    );
  }
  if (next !== undefined) {
    process.stdout.write(`  … more at GET /enrollment-jobs/${jobId}/problems?afterRow=${next}\n`);
  }
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  const client = new EnrollmentClient({ baseUrl: args.url, token: tokenFor(args) });
  process.stdout.write(`uploading ${args.file} for program ${args.program} to ${args.url}\n`);
  const job = await client.upload(args.file, {
    programId: args.program,
    fileName: path.basename(args.file),
    ...(args.incomeFrom ? { incomeEffectiveFrom: args.incomeFrom } : {}),
  });
  process.stdout.write(`job ${job.jobId}: ${job.totalRows} rows\n`);
  const done = await follow(client, job, args.pollMs);
  process.stdout.write(
    `job ${done.jobId} ${done.state}: ${done.enrolled} enrolled, ${done.alreadyEnrolled} already enrolled, ` +
      `${done.rejected} rejected of ${done.totalRows} rows\n`,
  );
  if (done.failure) process.stdout.write(`failure: ${done.failure}\n`);
  if (done.rejected > 0 && args.showProblems > 0)
    await listProblems(client, done.jobId, args.showProblems);
  return done.state === 'completed' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ProblemResponseError) {
      process.stderr.write(
        `refused: ${error.message}\n${JSON.stringify(error.problem, null, 2)}\n`,
      );
    } else {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  },
);
