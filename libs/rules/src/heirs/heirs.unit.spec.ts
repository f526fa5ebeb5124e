import {
  resolveHeirs,
  type HeirCandidate,
  type HeirResolution,
  type ResolveHeirsInput,
} from '@santunan/rules';
import { failure, value } from '../__tests__/helpers';

const widow: HeirCandidate = {
  id: 'w',
  name: 'Maria',
  relationship: 'spouse',
  birthDate: '1985-04-01',
};
const son: HeirCandidate = {
  id: 's',
  name: 'Yohanes',
  relationship: 'child',
  birthDate: '2004-01-01',
};
const daughter: HeirCandidate = {
  id: 'd',
  name: 'Agnes',
  relationship: 'child',
  birthDate: '2012-05-05',
};
const mother: HeirCandidate = { id: 'm', name: 'Theresia', relationship: 'parent' };
const grandchild: HeirCandidate = { id: 'g', name: 'Kevin', relationship: 'grandchild' };
const brother: HeirCandidate = { id: 'b', name: 'Petrus', relationship: 'sibling' };
const fatherInLaw: HeirCandidate = { id: 'f', name: 'Stefanus', relationship: 'parent-in-law' };
const friend: HeirCandidate = { id: 'x', name: 'Rina', relationship: 'will-beneficiary' };

const resolve = (
  candidates: HeirCandidate[],
  extra: Partial<ResolveHeirsInput> = {},
): HeirResolution =>
  value(resolveHeirs({ deathDate: '2025-05-01', asOfDate: '2025-06-01', candidates, ...extra }));

function heirs(resolution: HeirResolution): Extract<HeirResolution, { kind: 'heirs' }> {
  if (resolution.kind !== 'heirs') throw new Error('expected heirs');
  return resolution;
}

describe('ahli waris priority', () => {
  it.each([
    [[mother, widow, son, brother], 1, ['w', 's']],
    [[brother, mother, grandchild], 2, ['m', 'g']],
    [[fatherInLaw, brother], 3, ['b']],
    [[friend, fatherInLaw], 4, ['f']],
    [[friend], 5, ['x']],
  ])('%#: the highest tier with an heir is entitled', (candidates, tier, entitled) => {
    const resolution = heirs(resolve(candidates));
    expect(resolution.tier).toBe(tier);
    expect(resolution.entitled.map((heir) => heir.id)).toEqual(entitled);
    expect(resolution.ruleSetId).toBe('PERMENAKER1-2025');
  });

  it('records why lower tiers are not entitled', () => {
    const resolution = heirs(resolve([mother, widow]));
    expect(resolution.notEntitled).toEqual([
      { heir: mother, reason: 'a tier-1 heir (widow/widower and children) exists' },
    ]);
  });

  it('sends the funeral benefit to whoever arranged the burial and the rest to the fund when there is no heir', () => {
    const resolution = resolve([], { burialArrangedBy: { id: 'v', name: 'Kepala Desa' } });
    expect(resolution).toMatchObject({
      kind: 'no-heir',
      tier: 6,
      funeralPayee: { id: 'v', name: 'Kepala Desa' },
      otherBenefitsTo: 'social-security-fund',
    });
    expect(resolve([])).toMatchObject({ kind: 'no-heir', funeralPayee: null });
  });
});

describe('payee (product decision 4)', () => {
  it('defaults to the spouse, and waits for the other heirs’ consent', () => {
    const resolution = heirs(resolve([daughter, son, widow]));
    expect(resolution.payee).toMatchObject({
      heir: widow,
      basis: 'default-order',
      needsGuardian: false,
    });
    expect(resolution.consentRequiredFrom.map((heir) => heir.id)).toEqual(['d', 's']);
    expect(resolution.payeeStatus).toBe('awaiting-consent');
    const consented = heirs(resolve([daughter, son, widow], { consentsGivenBy: ['s', 'd'] }));
    expect(consented.payeeStatus).toBe('ready');
    expect(consented.consentMissingFrom).toEqual([]);
  });

  it('without a spouse, prefers an adult child, the eldest first', () => {
    expect(heirs(resolve([daughter, son])).payee.heir).toBe(son);
  });

  it('flags a minor payee as needing a guardian', () => {
    expect(heirs(resolve([daughter])).payee).toMatchObject({ heir: daughter, needsGuardian: true });
  });

  it('accepts the heirs’ nominee from the entitled tier only', () => {
    expect(heirs(resolve([widow, son], { nominatedPayeeId: 's' })).payee).toMatchObject({
      heir: son,
      basis: 'nominated',
    });
    expect(
      failure(
        resolveHeirs({
          deathDate: '2025-05-01',
          asOfDate: '2025-06-01',
          candidates: [widow, mother],
          nominatedPayeeId: 'm',
        }),
      ).code,
    ).toBe('INVALID_INPUT');
  });

  it('routes each child’s scholarship to the child’s or the guardian’s account', () => {
    expect(heirs(resolve([widow, son, daughter])).scholarshipAccounts).toEqual([
      { childId: 's', account: 'child-account', reason: '21 years old: paid to the child' },
      { childId: 'd', account: 'guardian-account', reason: '13 years old: paid to the guardian' },
    ]);
  });

  it.each([
    [{ candidates: [widow, widow] }, 'INVALID_INPUT'],
    [{ candidates: [{ ...widow, relationship: 'cousin' }] }, 'UNKNOWN_VALUE'],
    [{ candidates: [{ ...son, birthDate: '2004-02-30' }] }, 'INVALID_DATE'],
    [{ deathDate: '2010-01-01' }, 'NO_RULE_SET_IN_FORCE'],
  ])('rejects %p with %s', (override, code) => {
    const input = {
      deathDate: '2025-05-01',
      asOfDate: '2025-06-01',
      candidates: [widow],
      ...override,
    } as ResolveHeirsInput;
    expect(failure(resolveHeirs(input)).code).toBe(code);
  });
});
