import { en } from './en';
import { id } from './id';
import { interpolate, translator } from './messages';

describe('message files', () => {
  it('English has exactly the keys of Bahasa Indonesia', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('every message names the same parameters in both languages', () => {
    const parameters = (text: string): string[] =>
      [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
    const differing = (Object.keys(id) as (keyof typeof id)[]).filter(
      (key) => parameters(id[key]).join() !== parameters(en[key]).join(),
    );
    expect(differing).toEqual([]);
  });

  it('no message is empty', () => {
    expect(Object.entries(id).filter(([, text]) => text.trim() === '')).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('fills named parameters and refuses a missing one', () => {
    expect(interpolate('{count} klaim, SLA per {asOf}', { count: 3, asOf: '24 Nov 2026' })).toBe(
      '3 klaim, SLA per 24 Nov 2026',
    );
    expect(() => interpolate('Halo {name}', {})).toThrow('{name}');
    expect(translator('id')('queue.overdueDays', { days: 7 })).toBe('Terlambat 7 hari');
    expect(translator('en')('queue.overdueDays', { days: 7 })).toBe('7 days overdue');
  });
});
