import type { INestApplication } from '@nestjs/common';
import { ServiceRuntime } from '@santunan/platform';
import { eventually } from '@santunan/testing';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from '../testing/enrollment-test-app';
import { syntheticWorker, WORKER_CSV_HEADER, workerCsvLine } from '../testing/synthetic-workers';
import type { EnrollmentJobStatus } from './enrollment-job.dto';

const FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")';

describe('a bulk job’s refused rows come back with their cells, sealed at rest', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let operator: string;

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_rejected');
    app = await startEnrollmentApp(environment.config);
    operator = bearer(environment, ['sponsor-operator'], 'ntt-operator');
  });

  afterAll(async () => {
    await app?.close();
    await environment?.drop();
  });

  it('returns a refused row as uploaded (a formula-like name verbatim), never stored in plain', async () => {
    const good = syntheticWorker(70);
    const bad = { ...syntheticWorker(71), nik: '5371abc', fullName: 'NAME' };
    // The name quoted as CSV quotes a cell holding quotes and commas.
    const quotedName = `"${FORMULA_NAME.replace(/"/g, '""')}"`;
    const badLine = workerCsvLine(bad).replace(',NAME,', `,${quotedName},`);
    const file = `${WORKER_CSV_HEADER}\n${workerCsvLine(good)}\n${badLine}\n`;
    const accepted = await http(app)
      .post('/sponsor-programs/ntt-2026/enrollment-jobs?incomeEffectiveFrom=2026-01')
      .set('Authorization', operator)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(file))
      .expect(202);
    const jobId = (accepted.body as EnrollmentJobStatus).jobId;
    await eventually(
      async () => {
        const job = await http(app)
          .get(`/enrollment-jobs/${jobId}`)
          .set('Authorization', operator)
          .expect(200);
        expect(job.body).toMatchObject({ state: 'completed', enrolled: 1, rejected: 1 });
      },
      { timeoutMs: 180_000 },
    );
    const problems = await http(app)
      .get(`/enrollment-jobs/${jobId}/problems`)
      .set('Authorization', operator)
      .expect(200);
    const [problem, ...others] = (problems.body as { problems: Array<Record<string, unknown>> })
      .problems;
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ rowNumber: 3, field: 'nik', code: 'NIK_FORMAT' });
    expect(problem).not.toHaveProperty('details');
    const cells = problem?.['cells'] as Array<{ column: string; value: string }>;
    expect(cells.map((cell) => cell.column)).toEqual(WORKER_CSV_HEADER.split(','));
    expect(cells).toContainEqual({ column: 'full_name', value: FORMULA_NAME });
    expect(cells).toContainEqual({ column: 'nik', value: '5371abc' });

    // At rest the row is ciphertext under the job's own key: neither the name nor the NIK.
    const runtime = app.get(ServiceRuntime);
    const [stored] = await runtime.database.query<{ details: string }>(
      'select details::text as details from enrollment_job_problems where job_id = $1',
      [jobId],
    );
    expect(stored?.details).toContain('"$pii"');
    expect(stored?.details).not.toContain('HYPERLINK');
    expect(stored?.details).not.toContain('5371abc');

    // Coming back later, the operator finds the upload among the program's, with its counts;
    // another program's operator finds none of theirs, an enrollment officer sees every upload.
    const listed = await http(app)
      .get('/sponsor-programs/ntt-2026/enrollment-jobs')
      .set('Authorization', operator)
      .expect(200);
    expect(listed.body).toMatchObject({
      programId: 'ntt-2026',
      jobs: [{ jobId, state: 'completed', enrolled: 1, rejected: 1, uploadedBy: 'ntt-operator' }],
    });
    const stranger = await http(app)
      .get('/sponsor-programs/ntt-2026/enrollment-jobs')
      .set('Authorization', bearer(environment, ['sponsor-operator'], 'kupang-operator'))
      .expect(200);
    expect(stranger.body).toEqual({ programId: 'ntt-2026', jobs: [] });
    const officer = await http(app)
      .get('/sponsor-programs/ntt-2026/enrollment-jobs?limit=10')
      .set('Authorization', bearer(environment, ['enrollment-officer'], 'officer-1'))
      .expect(200);
    expect((officer.body as { jobs: EnrollmentJobStatus[] }).jobs.map((job) => job.jobId)).toEqual([
      jobId,
    ]);
    const refused = await http(app)
      .get('/sponsor-programs/ntt-2026/enrollment-jobs?limit=0')
      .set('Authorization', operator)
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: '/limit' })],
    });
  });
});
