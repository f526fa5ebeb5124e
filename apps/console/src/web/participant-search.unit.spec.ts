import type { ServiceProblem } from '../services/service-client';
import { searchParticipants, type ParticipantCriteria } from './participant-search';

const problem: ServiceProblem = {
  service: 'enrollment',
  status: 400,
  code: 'VALIDATION_FAILED',
  title: 'invalid',
  detail: 'the request is invalid',
  errors: [],
  extensions: {},
};

describe('searchParticipants', () => {
  it('asks for a NIK or a name, beside the NIK, without asking the service', async () => {
    const asked: ParticipantCriteria[] = [];
    const answer = await searchParticipants(
      { nik: '  ', name: '' },
      {
        noCriteria: 'NIK atau nama',
        search: async (criteria) => {
          asked.push(criteria);
          return { ok: true, status: 200, value: { results: [] } };
        },
        refusal: () => ({ fieldErrors: {}, formError: 'x' }),
      },
    );
    expect(answer).toEqual({
      form: {
        values: { nik: '  ', name: '' },
        fieldErrors: { nik: ['NIK atau nama'] },
        formError: null,
      },
      results: null,
      status: 400,
    });
    expect(asked).toEqual([]);
  });

  it('sends the trimmed NIK and name words, at most 50, and lists what the service found', async () => {
    const asked: ParticipantCriteria[] = [];
    const answer = await searchParticipants(
      { nik: ' 5371011508902345 ', name: '' },
      {
        noCriteria: 'NIK atau nama',
        search: async (criteria) => {
          asked.push(criteria);
          return { ok: true, status: 200, value: { results: ['found'] } };
        },
        refusal: () => ({ fieldErrors: {}, formError: 'x' }),
      },
    );
    expect(asked).toEqual([{ nik: '5371011508902345', limit: 50 }]);
    expect(answer.results).toEqual(['found']);
    expect(answer.status).toBe(200);
    expect(answer.form.fieldErrors).toEqual({});
  });

  it("shows the service's refusal on the form, with what was typed", async () => {
    const answer = await searchParticipants(
      { name: 'Yakobus' },
      {
        noCriteria: 'NIK atau nama',
        search: async () => ({ ok: false, problem }),
        refusal: (refused) => ({ fieldErrors: { name: [refused.code] }, formError: null }),
      },
    );
    expect(answer).toEqual({
      form: {
        values: { name: 'Yakobus' },
        fieldErrors: { name: ['VALIDATION_FAILED'] },
        formError: null,
      },
      results: null,
      status: 200,
    });
  });
});
