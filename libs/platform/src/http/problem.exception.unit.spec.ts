import { problemType } from './problem-details';
import { ProblemException } from './problem.exception';

describe('ProblemException', () => {
  it('becomes problem details with its code, a type derived from it, and its extensions', () => {
    const problem = new ProblemException(
      409,
      'CLAIM_ALREADY_DECIDED',
      'Claim already decided',
      'C-1 was approved.',
      {
        claimId: 'C-1',
      },
    );
    expect(problem.getStatus()).toBe(409);
    expect(problem.toProblem('/claims/C-1/approve')).toEqual({
      type: 'urn:santunan:problem:claim-already-decided',
      title: 'Claim already decided',
      status: 409,
      detail: 'C-1 was approved.',
      code: 'CLAIM_ALREADY_DECIDED',
      instance: '/claims/C-1/approve',
      claimId: 'C-1',
    });
  });

  it('refuses extras that would overwrite a standard member', () => {
    expect(() => new ProblemException(400, 'X', 't', 'd', { status: 200, code: 'Y' })).toThrow(
      /may not overwrite standard members: status, code/,
    );
  });

  it('derives stable URN types from codes', () => {
    expect(problemType('AUTH_TOKEN_MISSING')).toBe('urn:santunan:problem:auth-token-missing');
  });
});
