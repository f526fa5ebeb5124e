// Issue 14, done when: "The NTT scenario can be followed in the console after `npm run scenario
// -- --small`", and point 9, the simulation clock page. A second platform runs in simulation
// mode as `npm run platform -- --simulate-from 2026-01-05` runs it (serve-platform.ts with
// SANTUNAN_SIMULATED_CLOCK_START: one simulated clock for the four services, the console showing
// its clock page) and plays the --small NTT scenario from January 2026
// (support/ntt-scenario-run.ts, the scenario's people signing in to its Keycloak). Then, in the
// console: the administrator sees the simulated date, moves it forward with the clock page's
// form, and runs the month's statement for the province; the province's sponsor operator opens
// the province program and every total on it — budget, enrolled, billed, received, paid,
// remaining, each monthly statement — equals what the auditor reads from the contributions
// event store with @santunan/audit (ADR 0036).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import type { SimulationPlatformHandle } from './support/handle';
import type { ProgramLedger, ScenarioRunResult } from './support/ntt-scenario-run';
import { checkPage, expectAccessible, signIn, signOut } from './support/pages';
import { ROOT, startPlatformProcess, stopPlatformProcess } from './support/platform-process';

/** As the scenario's documentation runs it: the history act starts in January 2026. */
const SIMULATE_FROM = '2026-01-05T01:00:00.000Z'; // 08:00 WIB
const RUNNER = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const RUNNER_SCRIPT = 'test/browser/support/ntt-scenario-run.ts';

// While writing tests: a simulation platform started by hand (SANTUNAN_SIMULATED_CLOCK_START=…
// serve-platform.ts <file>) is reused through SIMULATION_PLATFORM_HANDLE, and a scenario already run on
// it (ntt-scenario-run.ts scenario <handle> <file>) through NTT_SCENARIO_RESULT.
const given = {
  handle: process.env['SIMULATION_PLATFORM_HANDLE'],
  result: process.env['NTT_SCENARIO_RESULT'],
};

const files = {
  handle: given.handle ?? path.join(ROOT, '.local', `simulation-platform-${process.pid}.json`),
  platformLog: path.join(ROOT, 'reports', 'simulation-platform.log'),
  result: path.join(ROOT, '.local', `ntt-scenario-${process.pid}.json`),
  scenarioLog: path.join(ROOT, 'reports', 'ntt-scenario.log'),
};

/** The scenario, in a process of its own: resolves when it exits 0, with its result. */
async function playScenario(): Promise<ScenarioRunResult> {
  fs.rmSync(files.result, { force: true });
  const log = fs.openSync(files.scenarioLog, 'w');
  const child = spawn(
    process.execPath,
    [...RUNNER, RUNNER_SCRIPT, 'scenario', files.handle, files.result],
    { cwd: ROOT, env: process.env, stdio: ['ignore', log, log] },
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  fs.closeSync(log);
  if (code !== 0) {
    const tail = fs.readFileSync(files.scenarioLog, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`the scenario exited with ${code}; see ${files.scenarioLog}:\n${tail}`);
  }
  return JSON.parse(fs.readFileSync(files.result, 'utf8')) as ScenarioRunResult;
}

/** The program as the auditor reads it from the event store, now. */
async function auditedProgram(programId: string): Promise<ProgramLedger> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...RUNNER, RUNNER_SCRIPT, 'ledger', files.handle, programId],
    { cwd: ROOT, env: process.env, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as ProgramLedger;
}

/** `Rp10.080.000.000` or a count (`1.234`) as an integer. */
function integerOf(text: string | null): number {
  const digits = (text ?? '').replace(/[^0-9-]/g, '');
  if (digits === '') throw new Error(`no number in "${text}"`);
  return Number(digits);
}

/** Now in Asia/Jakarta as the datetime-local input takes it, `days` later. */
function jakartaLocal(instant: string, days = 0): string {
  return new Date(Date.parse(instant) + days * 86_400_000 + 7 * 3_600_000)
    .toISOString()
    .slice(0, 16);
}

async function inEnglish(page: Page, consoleUrl: string, check: () => Promise<void>) {
  const here = new URL(page.url());
  const back = encodeURIComponent(here.pathname + here.search);
  await page.goto(`${consoleUrl}/lang/en?returnTo=${back}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await check();
  await page.goto(`${consoleUrl}/lang/id?returnTo=${back}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
}

test.describe.serial('the NTT scenario followed in the console (simulation mode)', () => {
  let platformPid = 0;
  let platform: SimulationPlatformHandle;
  let scenario: ScenarioRunResult;

  test.beforeAll(async () => {
    // Keycloak, Kafka, four services and the console on a loaded machine: a bound, not a target.
    test.setTimeout(900_000);
    if (given.handle === undefined)
      platformPid = await startPlatformProcess(files.handle, files.platformLog, SIMULATE_FROM);
    platform = JSON.parse(fs.readFileSync(files.handle, 'utf8')) as SimulationPlatformHandle;
  });

  test.afterAll(async () => {
    if (platformPid === 0) return;
    await stopPlatformProcess(platformPid);
    fs.rmSync(files.result, { force: true });
    fs.rmSync(files.handle, { force: true });
  });

  test('the --small scenario plays 2026 on the simulated clock and passes its checks', async () => {
    test.setTimeout(1_800_000);
    scenario =
      given.result === undefined
        ? await playScenario()
        : (JSON.parse(fs.readFileSync(given.result, 'utf8')) as ScenarioRunResult);
    expect(scenario.today >= '2026-11-24').toBe(true);
  });

  test('the administrator sees the simulated date and moves the clock forward', async ({
    page,
  }) => {
    const { consoleUrl, users } = platform;
    await signIn(page, consoleUrl, users.admin, '/admin/clock');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jam simulasi');
    await expect(
      page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', {
        name: 'Jam simulasi',
      }),
    ).toBeVisible();
    // The scenario left the four services' clock on the morning of its main date.
    const now = page.locator('.summary-list time');
    const shown = await now.getAttribute('datetime');
    expect(jakartaLocal(shown ?? '').slice(0, 10)).toBe(scenario.today);
    await expect(page.getByRole('row', { name: /^payouts/ })).not.toContainText('waktu nyata');
    await checkPage(page, 'admin-clock');
    await inEnglish(page, consoleUrl, async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Simulation clock');
      await expectAccessible(page);
    });

    const next = jakartaLocal(shown ?? '', 1);
    await page.getByLabel('Waktu baru (WIB)').fill(next);
    await page.getByRole('button', { name: 'Majukan', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(
      'Jam simulasi telah dimajukan di keempat layanan.',
    );
    const moved = await now.getAttribute('datetime');
    expect(jakartaLocal(moved ?? '')).toBe(next);
    // Every service follows: the table lists each at the new now.
    for (const service of ['enrollment', 'contributions', 'claims', 'payouts']) {
      await expect(page.getByRole('row', { name: new RegExp(`^${service}`) })).toContainText(
        (await now.textContent()) ?? '',
      );
    }
    await expectAccessible(page);
    await signOut(page);
  });

  test('the administrator runs the month’s statement for the province', async ({ page }) => {
    const { consoleUrl, users } = platform;
    const { programId } = scenario.province;
    const month = scenario.today.slice(0, 7);
    await signIn(page, consoleUrl, users.admin, `/programs/${programId}`);
    await page.getByLabel('Bulan tagihan').selectOption(month);
    await page.getByRole('button', { name: 'Terbitkan tagihan', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Tugas tagihan');
    await signOut(page);
  });

  test('the province’s operator sees the totals the auditor reads from the event store', async ({
    page,
  }) => {
    const { consoleUrl } = platform;
    const { programId, name } = scenario.province;
    const operator = { ...scenario.operator, id: '' };
    await signIn(page, consoleUrl, operator, '/programs');
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Program ${name}`);

    const ledger = await auditedProgram(programId);
    // The scenario paid every month and the statement ran: nothing below may be vacuous.
    expect(ledger.statements.length).toBeGreaterThan(0);
    expect(ledger.received).toBeGreaterThan(0);
    const shown = async () => ({
      budget: integerOf(
        await page
          .locator('#program-totals dt', { hasText: /^Anggaran$/ })
          .locator('xpath=following-sibling::dd[1]')
          .textContent(),
      ),
      enrolled: integerOf(await page.locator('#program-enrolled').textContent()),
      billed: integerOf(await page.locator('#program-billed').textContent()),
      received: integerOf(await page.locator('#program-received').textContent()),
      paid: integerOf(await page.locator('#program-paid').textContent()),
      remaining: integerOf(await page.locator('#program-remaining').textContent()),
      // The months paid in advance, not yet billed: received less the statements' months.
      advance: (await page.locator('#payments-advance').count())
        ? integerOf(
            /Rp[0-9.]+/.exec((await page.locator('#payments-advance').textContent()) ?? '')?.[0] ??
              null,
          )
        : 0,
      statements: await Promise.all(
        (await page.locator('#statements tbody tr').all()).map(async (row) => {
          const cells = row.locator('td');
          return {
            month: (await row.getAttribute('data-month')) ?? '',
            billed: integerOf(await cells.nth(2).textContent()),
            received: integerOf(await cells.nth(4).textContent()),
          };
        }),
      ),
    });
    const expected = {
      budget: ledger.budget,
      enrolled: ledger.enrolled,
      billed: ledger.billed,
      received: ledger.received,
      paid: ledger.paid,
      remaining: ledger.remaining,
      advance: ledger.received - ledger.statements.reduce((sum, month) => sum + month.received, 0),
      statements: ledger.statements,
    };
    // The page reads contributions' projections: look again until they have caught up.
    let first = true;
    await expect(async () => {
      if (!first) await page.reload();
      first = false;
      expect(await shown()).toEqual(expected);
    }).toPass({ timeout: 300_000, intervals: [1_000, 2_000, 5_000] });
    await checkPage(page, 'programs-ntt-province');
    await inEnglish(page, consoleUrl, async () => {
      // Rupiah are written the Indonesian way in both languages (Rp10.080.000.000).
      await expect(page.locator('#program-received')).toHaveText(
        `Rp${ledger.received.toLocaleString('id-ID')}`,
      );
      await expectAccessible(page);
    });
  });
});
