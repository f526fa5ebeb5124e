import { ENROLLMENT_REJECTIONS } from '../../shared/enrollment-rejections';
import { withEmployersRejections } from './employers-rejections';

describe("the enrollment service's rejection table with the employers' codes", () => {
  const table = withEmployersRejections(ENROLLMENT_REJECTIONS);

  it.each<[string, number | undefined, string | null | undefined]>([
    ['EMPLOYER_NOT_REGISTERED', 404, '/npp'],
    ['WORKER_LEFT', 409, null],
    ['WORKER_DECEASED', 409, '/startedOn'],
    ['RISK_CLASS_INVALID', undefined, '/riskClass'],
    ['WAGE_BELOW_MINIMUM', undefined, '/wage/amount'],
    // The host's own answers stay as they were: the NIK codes a worker's NIK is refused with.
    ['NIK_BIRTH_DATE_MISMATCH', undefined, '/nik'],
    ['PARTICIPANT_NOT_REGISTERED', 404, null],
  ])('answers %s with status %p (otherwise 422) and field %p', (code, status, field) => {
    expect(table.byCode[code]?.[0]).toBe(status);
    expect(table.fields?.[code]).toBe(field);
  });

  it('refuses a host whose codes clash with the employers’ (a bug, found at start-up)', () => {
    expect(() =>
      withEmployersRejections({
        byCode: { WORKER_LEFT: [409, 'someone else’s'] },
        otherwise: [422, 'x'],
      }),
    ).toThrow(/WORKER_LEFT/);
  });
});
