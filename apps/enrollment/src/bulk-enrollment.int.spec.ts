import type { INestApplication } from '@nestjs/common';
import { ServiceRuntime } from '@santunan/platform';
import { eventually } from '@santunan/testing';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from './testing/enrollment-test-app';
import {
  syntheticWorker,
  WORKER_CSV_HEADER,
  workerCsvLine,
  type SyntheticWorker,
} from './testing/synthetic-workers';
import type { EnrollmentJobStatus } from './bulk-enrollment/enrollment-job.dto';

const line = (worker: SyntheticWorker): string => workerCsvLine(worker);

/** 19 data rows, 12 of them good; the comments give each line's number in the file. */
function mixedFile(): Buffer {
  const parts: Buffer[] = [Buffer.from(`${WORKER_CSV_HEADER}\n`)]; // line 1
  const text = (value: string) => parts.push(Buffer.from(`${value}\n`, 'utf8'));
  for (let i = 0; i < 10; i += 1) text(line(syntheticWorker(i))); // lines 2–11
  text(line({ ...syntheticWorker(10), nik: '5371abc' })); // 12: NIK_FORMAT
  const w11 = syntheticWorker(11);
  const otherDay = w11.birthDate.endsWith('-01') ? '02' : '01';
  text(line({ ...w11, birthDate: `${w11.birthDate.slice(0, 8)}${otherDay}` })); // 13: NIK_BIRTH_DATE_MISMATCH
  text(line({ ...syntheticWorker(12), declaredIncome: 900_000 })); // 14: INCOME_BELOW_FLOOR
  text(line(syntheticWorker(0))); // 15: DUPLICATE_NIK_IN_FILE of line 2
  text(line(syntheticWorker(13)).split(',').slice(0, 8).join(',')); // 16: ROW_COLUMN_COUNT
  // 17: a Latin-1 "é" in the name, not UTF-8 → FIELD_ENCODING
  const w14 = syntheticWorker(14);
  parts.push(Buffer.from(line({ ...w14, fullName: 'Jos\u00e9 Manu' }) + '\n', 'latin1'));
  text(line({ ...syntheticWorker(15), fullName: 'x'.repeat(500) })); // 18: FIELD_TOO_LONG
  text(line(syntheticWorker(16))); // 19
  text(''); // 20: blank, skipped
  text(line({ ...syntheticWorker(17), fullName: '"Bria, Yohanes"' })); // 21: quoted comma
  return Buffer.concat(parts);
}

describe('bulk enrollment from a sponsor’s CSV', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let operator: string;

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_bulk');
    app = await startEnrollmentApp(environment.config);
    operator = bearer(environment, ['sponsor-operator'], 'ntt-operator');
  });

  afterAll(async () => {
    await app?.close();
    await environment?.drop();
  });

  const upload = (body: Buffer | string, token = operator, contentType = 'text/csv') =>
    http(app)
      .post(
        '/sponsor-programs/ntt-2026/enrollment-jobs?fileName=pekerja.csv&incomeEffectiveFrom=2026-01',
      )
      .set('Authorization', token)
      .set('Content-Type', contentType)
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body));

  const completed = (jobId: string, token = operator) =>
    eventually(
      async () => {
        const response = await http(app)
          .get(`/enrollment-jobs/${jobId}`)
          .set('Authorization', token)
          .expect(200);
        expect(response.body).toMatchObject({ state: 'completed' });
        return response.body as EnrollmentJobStatus;
      },
      { timeoutMs: 180_000 },
    );

  const registeredCount = async (): Promise<number> => {
    const runtime = app.get(ServiceRuntime);
    const [row] = await runtime.database.query<{ count: string }>(
      'select count(*) from participant_nik_index',
    );
    return Number(row?.count);
  };

  let firstJob: EnrollmentJobStatus;

  it('enrols the good rows and reports each bad one with row number, field and reason', async () => {
    const accepted = await upload(mixedFile()).expect(202);
    expect(accepted.body).toMatchObject({ state: 'queued', totalRows: 19, programId: 'ntt-2026' });
    firstJob = await completed((accepted.body as EnrollmentJobStatus).jobId);
    expect(firstJob).toMatchObject({
      totalRows: 19,
      rowsRead: 19,
      enrolled: 12,
      alreadyEnrolled: 0,
      rejected: 7,
      uploadedBy: 'ntt-operator',
    });
    const problems = await http(app)
      .get(`/enrollment-jobs/${firstJob.jobId}/problems`)
      .set('Authorization', operator)
      .expect(200);
    const listed = (problems.body as { problems: Array<Record<string, unknown>> }).problems;
    expect(listed.map((p) => [p['rowNumber'], p['field'], p['code']])).toEqual([
      [12, 'nik', 'NIK_FORMAT'],
      [13, 'nik', 'NIK_BIRTH_DATE_MISMATCH'],
      [14, 'declared_income', 'INCOME_BELOW_FLOOR'],
      [15, 'nik', 'DUPLICATE_NIK_IN_FILE'],
      [16, 'row', 'ROW_COLUMN_COUNT'],
      [17, 'full_name', 'FIELD_ENCODING'],
      [18, 'full_name', 'FIELD_TOO_LONG'],
    ]);
    expect(listed[3]).toMatchObject({ details: { firstRowNumber: 2 } });
    expect(listed.every((p) => typeof p['reason'] === 'string' && p['reason'] !== '')).toBe(true);
    const page = await http(app)
      .get(`/enrollment-jobs/${firstJob.jobId}/problems?limit=3`)
      .set('Authorization', operator)
      .expect(200);
    expect(page.body).toMatchObject({ next: 14 });
    expect(await registeredCount()).toBe(12);
  });

  it('records the sponsor operator as the actor and the program as the sponsor', async () => {
    const officer = bearer(environment, ['enrollment-officer']);
    // Search reads the projection, which follows the event store a moment behind.
    const { participantId, fullName } = await eventually(async () => {
      const found = await http(app)
        .post('/participants/search')
        .set('Authorization', officer)
        .send({ nik: syntheticWorker(17).nik })
        .expect(200);
      const [result] = (
        found.body as { results: Array<{ participantId: string; fullName: string }> }
      ).results;
      expect(result).toBeDefined();
      return result!;
    });
    expect(fullName).toBe('Bria, Yohanes');
    const history = await http(app)
      .get(`/participants/${participantId}/history`)
      .set('Authorization', officer)
      .expect(200);
    expect((history.body as { events: unknown[] }).events).toEqual([
      expect.objectContaining({
        type: 'ParticipantRegistered',
        actor: { id: 'ntt-operator', kind: 'user', roles: ['sponsor-operator'] },
        data: expect.objectContaining({
          membership: { kind: 'sponsored', programId: 'ntt-2026' },
          incomeEffectiveFrom: '2026-01',
        }),
      }),
    ]);
  });

  it('enrols nobody twice when the same file is uploaded again', async () => {
    const accepted = await upload(mixedFile()).expect(202);
    const again = await completed((accepted.body as EnrollmentJobStatus).jobId);
    expect(again).toMatchObject({ enrolled: 0, alreadyEnrolled: 12, rejected: 7 });
    expect(await registeredCount()).toBe(12);
  });

  it('refuses a known NIK listed with other data, naming the participant', async () => {
    const changed = { ...syntheticWorker(0), phone: '081299999999' };
    const file = `${WORKER_CSV_HEADER}\n${line(changed)}\n${line(syntheticWorker(40))}\n`;
    const accepted = await upload(file).expect(202);
    const job = await completed((accepted.body as EnrollmentJobStatus).jobId);
    expect(job).toMatchObject({ enrolled: 1, rejected: 1 });
    const problems = await http(app)
      .get(`/enrollment-jobs/${job.jobId}/problems`)
      .set('Authorization', operator)
      .expect(200);
    expect((problems.body as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        field: 'row',
        code: 'PARTICIPANT_ALREADY_REGISTERED',
        details: { participantId: expect.any(String), differingFields: ['phone'] },
      }),
    ]);
  });

  it('refuses an income over the ceiling, a kecamatan that does not exist and a blank name, each at its column', async () => {
    const unknownDistrict = syntheticWorker(62);
    const file = [
      WORKER_CSV_HEADER,
      line({ ...syntheticWorker(60), declaredIncome: 100_000_000_000_000 }), // 2
      line({ ...syntheticWorker(61), fullName: '   ' }), // 3
      line({
        ...unknownDistrict,
        nik: `${unknownDistrict.nik.slice(0, 4)}99${unknownDistrict.nik.slice(6)}`,
      }), // 4
      '',
    ].join('\n');
    const accepted = await upload(file).expect(202);
    const job = await completed((accepted.body as EnrollmentJobStatus).jobId);
    expect(job).toMatchObject({ enrolled: 0, rejected: 3 });
    const problems = await http(app)
      .get(`/enrollment-jobs/${job.jobId}/problems`)
      .set('Authorization', operator)
      .expect(200);
    const listed = (problems.body as { problems: Array<Record<string, unknown>> }).problems;
    expect(listed.map((p) => [p['rowNumber'], p['field'], p['code']])).toEqual([
      [2, 'declared_income', 'INCOME_ABOVE_CEILING'],
      [3, 'full_name', 'FIELD_REQUIRED'],
      [4, 'nik', 'NIK_DISTRICT_UNKNOWN'],
    ]);
  });

  it('reads a UTF-16 file with its byte-order mark', async () => {
    const file = Buffer.from(
      `\ufeff${WORKER_CSV_HEADER}\r\n${line(syntheticWorker(41))}\r\n`,
      'utf16le',
    );
    const job = await completed(
      ((await upload(file).expect(202)).body as EnrollmentJobStatus).jobId,
    );
    expect(job).toMatchObject({ enrolled: 1, rejected: 0 });
  });

  it.each([
    [
      'missing columns',
      `nik,full_name,birth_date,sex,address,regency_code,declared_income\n${syntheticWorker(50).nik},A,1990-01-01,L,x,5371,1000000\n`,
      'CSV_COLUMNS_MISSING',
      { missingColumns: ['phone', 'occupation'] },
    ],
    ['an empty file', '', 'CSV_EMPTY', {}],
    ['a header alone', `${WORKER_CSV_HEADER}\n`, 'CSV_NO_ROWS', {}],
    [
      'a quote never closed',
      `${WORKER_CSV_HEADER}\n${line(syntheticWorker(51))}\n${syntheticWorker(52).nik},"Maria Seran,1990-01-01,P,x,5371,0812345678,tani,1000000\n${line(syntheticWorker(53))}\n`,
      'CSV_MALFORMED',
      { line: 4 },
    ],
    [
      'a 100 KB field',
      `${WORKER_CSV_HEADER}\n${line({ ...syntheticWorker(54), address: 'x'.repeat(100_000) })}\n`,
      'CSV_RECORD_TOO_LARGE',
      { line: 2 },
    ],
  ])('refuses %s as a whole, leaving nothing behind', async (_label, body, code, extras) => {
    const stored = async () =>
      (
        await app.get(ServiceRuntime).database.query<{ jobs: string; chunks: string }>(
          `select (select count(*) from enrollment_jobs) as jobs,
                  (select count(*) from enrollment_job_file_chunks) as chunks`,
        )
      )[0];
    const before = await stored();
    const response = await upload(body)
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code, ...extras });
    expect(await stored()).toEqual(before);
  });

  it('refuses a body that is not CSV, and callers without the role', async () => {
    const wrongType = await upload('GIF89a', operator, 'image/gif').expect(415);
    expect(wrongType.body).toMatchObject({ code: 'UPLOAD_MEDIA_TYPE' });
    const officer = bearer(environment, ['enrollment-officer']);
    const forbidden = await upload(`${WORKER_CSV_HEADER}\n`, officer).expect(403);
    expect(forbidden.body).toMatchObject({ code: 'AUTH_FORBIDDEN_ROLE' });
  });

  it('shows a job to its uploader, officers and auditors, not to another sponsor', async () => {
    const other = bearer(environment, ['sponsor-operator'], 'kupang-operator');
    const hidden = await http(app)
      .get(`/enrollment-jobs/${firstJob.jobId}`)
      .set('Authorization', other)
      .expect(404);
    expect(hidden.body).toMatchObject({ code: 'ENROLLMENT_JOB_NOT_FOUND' });
    await http(app)
      .get(`/enrollment-jobs/${firstJob.jobId}`)
      .set('Authorization', bearer(environment, ['auditor'], 'audit-1'))
      .expect(200);
    await http(app)
      .get(`/enrollment-jobs/${firstJob.jobId}`)
      .set('Authorization', bearer(environment, ['claims-officer'], 'claims-1'))
      .expect(403);
  });
});
