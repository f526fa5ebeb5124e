import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { carriesScrapeToken, metricsScrapeTokenFromEnvironment } from './scrape-token';

const TOKEN = 'prometheus-scrapes-with-this-token';

describe('metricsScrapeTokenFromEnvironment', () => {
  it('takes the service’s own token, else the shared one, else the file’s first line', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scrape-token-')), 'token');
    fs.writeFileSync(file, 'a-token-read-from-a-mounted-file\nignored\n');
    expect(
      metricsScrapeTokenFromEnvironment('claims', {
        CLAIMS_METRICS_SCRAPE_TOKEN: 'the-claims-own-scrape-token',
        METRICS_SCRAPE_TOKEN: TOKEN,
        METRICS_SCRAPE_TOKEN_FILE: file,
      }),
    ).toBe('the-claims-own-scrape-token');
    expect(
      metricsScrapeTokenFromEnvironment('claims', {
        METRICS_SCRAPE_TOKEN: TOKEN,
        METRICS_SCRAPE_TOKEN_FILE: file,
      }),
    ).toBe(TOKEN);
    expect(metricsScrapeTokenFromEnvironment('claims', { METRICS_SCRAPE_TOKEN_FILE: file })).toBe(
      'a-token-read-from-a-mounted-file',
    );
  });

  it('is undefined when none is set, and refuses a short token', () => {
    expect(metricsScrapeTokenFromEnvironment('claims', { METRICS_SCRAPE_TOKEN: ' ' })).toBe(
      undefined,
    );
    expect(() =>
      metricsScrapeTokenFromEnvironment('claims', { METRICS_SCRAPE_TOKEN: 'short' }),
    ).toThrow(/shorter than 16/);
  });
});

describe('carriesScrapeToken', () => {
  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN} `, true],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(1)}`, false],
    [`Basic ${TOKEN}`, false],
    [TOKEN, false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(carriesScrapeToken(header, TOKEN)).toBe(expected);
  });

  it('lets nothing through when no token is configured', () => {
    expect(carriesScrapeToken('Bearer ', undefined)).toBe(false);
    expect(carriesScrapeToken(`Bearer ${TOKEN}`, undefined)).toBe(false);
  });
});
