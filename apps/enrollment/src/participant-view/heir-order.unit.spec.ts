import { heirOrderOf } from './heir-order';

const heir = (heirId: string, relationship: string, birthDate?: string) => ({
  heirId,
  fullName: `name of ${heirId}`,
  relationship,
  ...(birthDate === undefined ? {} : { birthDate }),
});

describe('the designated heirs in the ahli waris order', () => {
  it('puts spouse and children in tier 1 and pays the spouse; a parent waits behind them', () => {
    const order = heirOrderOf(
      [heir('c', 'child', '2015-04-01'), heir('p', 'parent'), heir('s', 'spouse', '1992-03-05')],
      '2026-07-01',
    );
    expect(order).toMatchObject({
      entitledTier: 1,
      payeeHeirId: 's',
      heirs: [
        { heirId: 'c', tier: 1, entitled: true },
        { heirId: 'p', tier: 2, entitled: false },
        { heirId: 's', tier: 1, entitled: true },
      ],
    });
  });

  it('pays the adult child before the minor when there is no spouse', () => {
    const order = heirOrderOf(
      [heir('young', 'child', '2015-04-01'), heir('adult', 'child', '2001-01-01')],
      '2026-07-01',
    );
    expect(order?.payeeHeirId).toBe('adult');
  });

  it('has no entitled tier and no payee without heirs in tiers 1–5', () => {
    expect(heirOrderOf([], '2026-07-01')).toMatchObject({
      entitledTier: null,
      payeeHeirId: null,
      heirs: [],
    });
  });

  it('shows nothing for a date no rule set covers', () => {
    expect(heirOrderOf([heir('s', 'spouse')], '1900-01-01')).toBeNull();
  });
});
