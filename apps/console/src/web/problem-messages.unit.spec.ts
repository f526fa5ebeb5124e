import { translator } from '../i18n/messages';
import { problemOf, unavailable } from '../services/service-client';
import { formErrorsOf, problemMessage } from './problem-messages';

const t = translator('id');

describe('problem details → what a form shows', () => {
  it('puts each failed constraint next to its field (a JSON pointer read as the form’s dotted name), in the user’s language', () => {
    const problem = problemOf('claims', 400, {
      type: 'urn:santunan:problem:validation-failed',
      title: 'Bad request',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'the request is not valid',
      errors: [
        {
          field: '/dateOfDeath',
          constraint: 'matches',
          message: 'dateOfDeath must be a YYYY-MM-DD date',
        },
        {
          field: '/claimant/fullName',
          constraint: 'isNotEmpty',
          message: 'fullName should not be empty',
        },
        {
          field: '/claimant/fullName',
          constraint: 'isString',
          message: 'fullName must be a string',
        },
      ],
    });
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(formErrorsOf(t, problem)).toEqual({
      fieldErrors: {
        dateOfDeath: ['Formatnya tidak sesuai.'],
        'claimant.fullName': ['Wajib diisi.'],
      },
      formError: 'Ada isian yang tidak diterima layanan. Lihat pesan di tiap isian.',
    });
  });

  it('says "required" for a field left empty, and never shows the service’s English words', () => {
    const problem = problemOf('claims', 400, {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'the request is not valid',
      errors: [
        { field: 'dateOfDeath', constraint: 'matches', message: 'dateOfDeath must be a date' },
        { field: 'claimant.fullName', constraint: 'isString', message: 'must be a string' },
        { field: 'claimant.fullName', constraint: 'maxLength', message: 'too long' },
        { field: 'note', constraint: 'isSomethingNew', message: 'note is odd' },
      ],
    });
    const values = { dateOfDeath: '', claimantName: '', note: 'ada' };
    expect(
      formErrorsOf(t, problem, { values, fieldNames: { 'claimant.fullName': 'claimantName' } })
        .fieldErrors,
    ).toEqual({
      dateOfDeath: ['Wajib diisi.'],
      claimantName: ['Wajib diisi.'],
      note: ['Isian ini tidak diterima layanan.'],
    });
  });

  it('places a service’s own refusal at the field the form names for its code', () => {
    const problem = problemOf('claims', 422, {
      status: 422,
      code: 'REASON_REQUIRED',
      detail: 'say why the proposal goes back',
    });
    expect(formErrorsOf(t, problem, { codeFields: { REASON_REQUIRED: 'reason' } })).toEqual({
      fieldErrors: { reason: ['Alasan wajib diisi.'] },
      formError: null,
    });
  });

  it('places a rule break at the field the service names, when the form has that field', () => {
    const problem = problemOf('claims', 422, {
      status: 422,
      code: 'SOME_RULE_THE_PAGE_DOES_NOT_KNOW',
      detail: 'the lodging date is before the incident',
      field: '/claimant/fullName',
    });
    expect(problem.field).toBe('claimant.fullName');
    expect(formErrorsOf(t, problem, { values: { 'claimant.fullName': 'Maria' } })).toEqual({
      fieldErrors: { 'claimant.fullName': [expect.any(String)] },
      formError: null,
    });
    // A field the form does not show: the message stays with the form, never lost.
    expect(formErrorsOf(t, problem, { values: { note: 'x' } })).toEqual({
      fieldErrors: {},
      formError: expect.any(String),
    });
  });

  it('shows a 403 as a message for the whole form, never as an exception', () => {
    const problem = problemOf('claims', 403, {
      status: 403,
      code: 'MAKER_CHECKER_SAME_PERSON',
      detail: 'the checker must be another person than the maker',
    });
    expect(formErrorsOf(t, problem)).toEqual({
      fieldErrors: {},
      formError: 'Pemeriksa harus orang lain: Anda sendiri yang mengusulkan keputusan ini.',
    });
    const other = problemOf('payouts', 403, {
      status: 403,
      code: 'AUTH_FORBIDDEN',
      detail: 'needs finance',
    });
    expect(problemMessage(t, other)).toBe(
      'Layanan menolak tindakan ini untuk akun Anda: needs finance',
    );
  });

  it('reads a non-JSON error body and an unreachable service as problems too', () => {
    expect(problemOf('claims', 502, undefined)).toMatchObject({ code: 'HTTP_502', errors: [] });
    expect(problemMessage(translator('en'), unavailable('claims', 'ECONNREFUSED'))).toBe(
      'The claims service cannot be reached right now. Try again later.',
    );
  });
});
