import { rejectionProblem } from '@santunan/platform';
import { CLAIMS_REJECTIONS } from './claims-rejections';

describe('claims rejections as problem details', () => {
  it.each([
    ['CLAIM_NOT_FOUND', 404],
    ['ENTITLEMENT_NOT_FOUND', 404],
    ['MAKER_CHECKER_SAME_PERSON', 403],
    ['CLAIM_ALREADY_DECIDED', 409],
    ['DOCUMENTS_INCOMPLETE', 409],
    ['DEATH_DATE_CONFLICT', 409],
    ['PERSONAL_DATA_ERASED', 409],
    ['PARTICIPANT_UNKNOWN', 422],
    ['INCIDENT_DATE_IN_FUTURE', 422],
    ['PAYEE_CONSENT_MISSING', 422],
    ['CHILD_NOT_IN_ENTITLEMENT', 422],
  ])('answers %s with %i and the code itself', (code, status) => {
    const problem = rejectionProblem({ code, message: 'why' }, CLAIMS_REJECTIONS).toProblem(
      '/claims/x',
    );
    expect(problem).toMatchObject({
      status,
      code,
      detail: 'why',
      type: `urn:santunan:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    });
  });

  it('keeps the details as extension members, renaming one that would replace a standard member', () => {
    const problem = rejectionProblem(
      {
        code: 'CLAIM_ALREADY_DECIDED',
        message: 'decided',
        details: { decisionId: 'd-1', status: 'approved' },
      },
      CLAIMS_REJECTIONS,
    ).toProblem();
    expect(problem).toMatchObject({
      status: 409,
      title: 'The claim is already decided',
      decisionId: 'd-1',
      currentStatus: 'approved',
    });
  });

  it.each([
    ['REPORT_BEFORE_INCIDENT', '/reportedOn'],
    ['BENEFIT_LINES_INVALID', '/benefits'],
    ['REASON_CODE_INVALID', '/reasonCode'],
  ])('names the request field %s concerns: %s', (code, field) => {
    expect(rejectionProblem({ code, message: 'why' }, CLAIMS_REJECTIONS).toProblem()).toMatchObject(
      { status: 422, code, field },
    );
  });

  it('names no field for a code several requests raise about different fields', () => {
    const problem = rejectionProblem(
      { code: 'INCIDENT_DATE_IN_FUTURE', message: 'after today' },
      CLAIMS_REJECTIONS,
    ).toProblem();
    expect(problem).not.toHaveProperty('field');
  });
});
