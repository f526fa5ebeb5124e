import {
  DomainRejectedError,
  accepted,
  rejectionProblem,
  type RejectionAnswers,
} from './domain-rejections';

const answers: RejectionAnswers = {
  byCode: {
    CLAIM_NOT_FOUND: [404, 'Not found'],
    CLAIM_ALREADY_DECIDED: [409, 'The claim is already decided'],
  },
  otherwise: [422, 'The request breaks a claims rule'],
};

describe('domain rejections at the edge', () => {
  it('answers a listed code with its status and title, the message as detail, details as members', () => {
    const problem = rejectionProblem(
      {
        code: 'CLAIM_ALREADY_DECIDED',
        message: 'approved on 2026-03-02',
        details: { decidedOn: '2026-03-02' },
      },
      answers,
    ).toProblem('/claims/c-1/decisions');
    expect(problem).toMatchObject({
      status: 409,
      code: 'CLAIM_ALREADY_DECIDED',
      title: 'The claim is already decided',
      detail: 'approved on 2026-03-02',
      decidedOn: '2026-03-02',
      instance: '/claims/c-1/decisions',
    });
  });

  it('answers an unlisted code with the service’s fallback (422) and renames a detail that would shadow a standard member', () => {
    const problem = rejectionProblem(
      { code: 'INCIDENT_DATE_IN_FUTURE', message: 'after today', details: { status: 'submitted' } },
      answers,
    ).toProblem(undefined);
    expect(problem).toMatchObject({
      status: 422,
      code: 'INCIDENT_DATE_IN_FUTURE',
      title: 'The request breaks a claims rule',
      currentStatus: 'submitted',
    });
  });

  it('lets an accepted result through and raises a rejected one, saying what was refused', () => {
    const ok = { ok: true as const, version: 3 };
    expect(accepted(ok)).toBe(ok);
    const refused = {
      ok: false as const,
      rejection: { code: 'CLAIM_NOT_FOUND', message: 'no claim c-9' },
    };
    expect(() => accepted(refused, 'claim c-9')).toThrow(DomainRejectedError);
    expect(() => accepted(refused, 'claim c-9')).toThrow(
      'claim c-9 refused: CLAIM_NOT_FOUND: no claim c-9',
    );
  });
});

describe('the field a rejection concerns', () => {
  const withFields: RejectionAnswers = {
    ...answers,
    fields: { INCOME_BELOW_FLOOR: '/declaredIncome', CLAIM_ALREADY_DECIDED: null },
  };

  it('is named as a JSON pointer when the table knows it', () => {
    const problem = rejectionProblem(
      { code: 'INCOME_BELOW_FLOOR', message: 'under the floor', details: { floor: 1_000_000 } },
      withFields,
    ).toProblem(undefined);
    expect(problem).toMatchObject({
      status: 422,
      code: 'INCOME_BELOW_FLOOR',
      field: '/declaredIncome',
      floor: 1_000_000,
    });
  });

  it('is absent when no one field is at fault', () => {
    const problem = rejectionProblem(
      { code: 'CLAIM_ALREADY_DECIDED', message: 'decided' },
      withFields,
    ).toProblem(undefined);
    expect(problem).not.toHaveProperty('field');
    expect(
      rejectionProblem({ code: 'OTHER', message: 'x' }).toProblem(undefined),
    ).not.toHaveProperty('field');
  });
});
