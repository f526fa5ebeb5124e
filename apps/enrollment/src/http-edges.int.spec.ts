import type { INestApplication } from '@nestjs/common';
import {
  bearer,
  createEnrollmentTestEnvironment,
  http,
  startEnrollmentApp,
  type EnrollmentTestEnvironment,
} from './testing/enrollment-test-app';

/** Kota Kupang, kecamatan Alak (537101), a man born 1990-08-15. */
const registration = {
  nik: '5371011508900001',
  fullName: 'Yohanes Bria',
  birthDate: '1990-08-15',
  sex: 'male',
  address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
  phone: '+6281234567890',
  occupation: 'nelayan',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
};

/**
 * The enrollment service's HTTP edge against hostile and broken input: a body too deep to
 * validate, rules broken by one field (422 naming it as a JSON pointer), an income over the
 * ceiling, blank names, a kecamatan that does not exist.
 */
describe('enrollment HTTP edges', () => {
  let environment: EnrollmentTestEnvironment;
  let app: INestApplication;
  let officer: string;
  let participantId: string;

  beforeAll(async () => {
    environment = await createEnrollmentTestEnvironment('enrol_http_edges');
    app = await startEnrollmentApp(environment.config);
    officer = bearer(environment, ['enrollment-officer'], 'officer-ani');
    const registered = await http(app)
      .post('/participants')
      .set('Authorization', officer)
      .send(registration)
      .expect(201);
    participantId = (registered.body as { participantId: string }).participantId;
  });

  afterAll(async () => {
    await app?.close();
    await environment?.drop();
  });

  const post = (path: string, body: object | string) =>
    http(app)
      .post(path)
      .set('Authorization', officer)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('answers a body nested 10,000 levels deep with 400 BODY_TOO_DEEP and stays healthy', async () => {
    const depth = 10_000;
    const nested = `{"nik":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const refused = await post('/participants', nested)
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'BODY_TOO_DEEP', instance: '/participants' });
    await http(app).get('/health/live').expect(200);
    await post('/participants', registration).expect(200);
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST, quoting none of it', async () => {
    const refused = await post('/participants', `{"nik":"${registration.nik}" oops`).expect(400);
    expect(refused.body).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(refused.body)).not.toContain(registration.nik);
  });

  it.each([
    [
      'a NIK whose date part is impossible (day 32)',
      { nik: '5371013208900001' },
      'NIK_DATE_INVALID',
      '/nik',
    ],
    [
      'a NIK of another birth date',
      { nik: '5371011508900002', birthDate: '1990-08-16' },
      'NIK_BIRTH_DATE_MISMATCH',
      '/nik',
    ],
    ['a NIK of a woman for a man', { nik: '5371015508900003' }, 'NIK_SEX_MISMATCH', '/nik'],
    [
      'a NIK of kecamatan 99 in Kota Kupang',
      { nik: '5371991508900004' },
      'NIK_DISTRICT_UNKNOWN',
      '/nik',
    ],
    [
      'an income under the floor',
      { nik: '5371011508900005', declaredIncome: 999_999 },
      'INCOME_BELOW_FLOOR',
      '/declaredIncome',
    ],
    [
      'an income of Rp10^15 a month',
      { nik: '5371011508900006', declaredIncome: 10 ** 15 },
      'INCOME_ABOVE_CEILING',
      '/declaredIncome',
    ],
    [
      'an address regency that does not exist',
      { nik: '5371011508900007', address: { line: 'x', regencyCode: '5399' } },
      'ADDRESS_REGENCY_UNKNOWN',
      '/address/regencyCode',
    ],
  ])('answers a registration with %s: 422 %s naming %s', async (_label, change, code, field) => {
    const refused = await post('/participants', { ...registration, ...change })
      .expect(422)
      .expect('Content-Type', /application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 422, code, field });
  });

  it('names the ceiling it applies, and refuses it in a change of income too', async () => {
    const refused = await post(`/participants/${participantId}/income-changes`, {
      declaredIncome: 100_000_001,
      effectiveFrom: '2026-06',
    }).expect(422);
    expect(refused.body).toMatchObject({
      code: 'INCOME_ABOVE_CEILING',
      field: '/declaredIncome',
      ceiling: 100_000_000,
    });
    const atCeiling = await post(`/participants/${participantId}/income-changes`, {
      declaredIncome: 100_000_000,
      effectiveFrom: '2026-06',
    });
    expect(atCeiling.status).toBeLessThan(300);
  });

  it.each([
    [
      'a registration',
      'post',
      () => '/participants',
      { ...registration, fullName: '   ' },
      '/fullName',
    ],
    [
      'a correction',
      'patch',
      () => `/participants/${participantId}/details`,
      { fullName: '\t ', reason: 'ejaan KTP' },
      '/fullName',
    ],
    [
      'a designation of heirs',
      'put',
      () => `/participants/${participantId}/heirs`,
      { heirs: [{ fullName: ' ', relationship: 'spouse' }] },
      '/heirs/0/fullName',
    ],
    [
      'a heir’s bank account',
      'put',
      () => `/participants/${participantId}/heirs`,
      {
        heirs: [
          {
            fullName: 'Maria Bria',
            relationship: 'spouse',
            bankAccount: { bankCode: '002', accountNumber: '1234567890', accountName: '  ' },
          },
        ],
      },
      '/heirs/0/bankAccount/accountName',
    ],
    [
      'a child',
      'post',
      () => `/participants/${participantId}/children`,
      { fullName: '\u00a0', birthDate: '2015-04-01', relationship: 'biological' },
      '/fullName',
    ],
  ])('refuses a blank name in %s: 400 at %s', async (_label, method, path, body, field) => {
    const client = http(app);
    const url = path();
    const sent =
      method === 'post' ? client.post(url) : method === 'put' ? client.put(url) : client.patch(url);
    const refused = await sent.set('Authorization', officer).send(body).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((refused.body as { errors: { field: string; constraint: string }[] }).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, constraint: 'isNotBlank' })]),
    );
  });
});
