import { rejectionProblem } from '@santunan/platform';
import { PAYOUTS_REJECTIONS } from './payouts-rejections';

describe('payouts rejections as problem details', () => {
  it.each([
    ['BANK_ACCOUNT_INVALID', 422, '/bankAccount'],
    ['SETTLEMENT_AMOUNT_MISMATCH', 422, '/amount'],
  ])('answers %s with %i naming the request field %s', (code, status, field) => {
    expect(
      rejectionProblem({ code, message: 'why' }, PAYOUTS_REJECTIONS).toProblem(),
    ).toMatchObject({ status, code, field });
  });

  it('names no field for a refusal of the payout’s state', () => {
    const problem = rejectionProblem(
      { code: 'PAYOUT_NOT_CANCELLABLE', message: 'paid' },
      PAYOUTS_REJECTIONS,
    ).toProblem();
    expect(problem).toMatchObject({ status: 409 });
    expect(problem).not.toHaveProperty('field');
  });
});
