// Browser tests (`*.browser.spec.ts`): Debian's chromium driven by @playwright/test against the
// real platform — Keycloak, Kafka, PostgreSQL, the four services and the console — started once
// by the global setup (test/browser/support/global-setup.ts). Run by `npm test` after Jest.
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/** The distribution's browser: Playwright downloads nothing (ADR 0017). */
function chromiumPath(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  try {
    return execFileSync('bash', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('no chromium on PATH: apt-get install -y chromium (or set CHROMIUM_PATH)');
  }
}

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.browser.spec.ts',
  // One platform, one browser, one worker: the flows share the platform's data and 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous bounds, not speed targets: the flows wait on Kafka hops on a shared machine.
  timeout: 600_000,
  expect: { timeout: 120_000 },
  globalSetup: './test/browser/support/global-setup.ts',
  globalTeardown: './test/browser/support/global-teardown.ts',
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      // As root in a container, without Google's background services (no network here).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 60_000,
    navigationTimeout: 120_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
