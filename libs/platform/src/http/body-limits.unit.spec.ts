import { nestsDeeperThan } from './body-limits';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

describe('nestsDeeperThan', () => {
  it.each([
    ['a scalar', 'text', 0, false],
    ['null', null, 0, false],
    ['an empty object', {}, 1, false],
    ['an empty object at limit 0', {}, 0, true],
    ['3 levels at limit 3', nested(3), 3, false],
    ['4 levels at limit 3', nested(4), 3, true],
    ['a wide but shallow body', { heirs: Array.from({ length: 500 }, () => ({ n: 1 })) }, 3, false],
    ['one deep branch among shallow ones', { a: 1, b: [{}], c: nested(5) }, 5, true],
  ])('%s', (_name, value, limit, expected) => {
    expect(nestsDeeperThan(value, limit)).toBe(expected);
  });

  it('measures a body nested a million levels deep without recursing', () => {
    expect(nestsDeeperThan(nested(1_000_000), 32)).toBe(true);
  });
});
