import { isIsoInstant, utcMicrosecondText } from './iso-instant';

describe('ISO instants', () => {
  it.each([
    ['2025-03-01T08:00:00+07:00', '2025-03-01T01:00:00.000000'],
    ['2025-03-01T01:15:31.25Z', '2025-03-01T01:15:31.250000'],
    ['2025-03-01T00:30:00.123456-02:30', '2025-03-01T03:00:00.123456'],
    ['2024-12-31T23:00+09:00', '2024-12-31T14:00:00.000000'],
    ['2025-01-01T03:00:00+07:00', '2024-12-31T20:00:00.000000'],
  ])('%s is %s UTC', (value, utc) => {
    expect(utcMicrosecondText(value)).toBe(utc);
  });

  it.each([
    ['no offset', '2025-03-01T08:00:00'],
    ['a date only', '2025-03-01'],
    ['nanoseconds', '2025-03-01T08:00:00.123456789Z'],
    ['30 February', '2025-02-30T08:00:00Z'],
    ['hour 24', '2025-03-01T24:00:00Z'],
    ['free text', 'yesterday'],
  ])('refuses %s', (_case, value) => {
    expect(isIsoInstant(value)).toBe(false);
  });
});
