// Issue 14, items 10–11: the dashboards. With data the test sets up through the services (the
// machine client: a registered, paying worker whose widow's JKM death claim is lodged and
// proposed), a claims supervisor opens the claims dashboard and sees the claim counted, opens a
// chart's table view (a <details>: no JavaScript needed), approves the claim and sees it among
// the decisions; a sponsor operator opens a program and sees its workers by kabupaten/kota on
// the programs dashboard. Every page is checked with axe in Bahasa Indonesia and English.
import { randomInt, randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { untilClaimsKnows } from './support/claims-probe';
import { browserPlatform, type BrowserUser } from './support/handle';
import { oeboboNik } from './support/nik';
import { checkPage, signIn } from './support/pages';

const platform = browserPlatform();
const { supervisor, sponsorOperator } = platform.users;

/** Asynchronous hops (relay → Kafka → consumer → projection) on a shared machine. */
const PATIENCE = { timeout: 180_000, intervals: [1_000, 2_000, 5_000] };

type Service = keyof typeof platform.serviceUrls;

/**
 * Intake's machine client's token (client credentials grant). Fetched here rather than through
 * @santunan/platform: Playwright's transform cannot load the platform's decorators.
 */
async function machineToken(): Promise<string> {
  const response = await fetch(`${platform.machine.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: platform.machine.clientId,
      client_secret: platform.machine.clientSecret,
    }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The services' APIs as intake's machine client: for setting up data, never for assertions. */
async function machine(
  service: Service,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: object,
) {
  const token = await machineToken();
  const response = await fetch(`${platform.serviceUrls[service]}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
  };
}

/** A valid NIK of kecamatan Oebobo, Kota Kupang: born `day` Aug 1990, a dashboards serial (5xxx). */
function nik(day: number): string {
  return oeboboNik({
    birthDate: `1990-08-${String(day).padStart(2, '0')}`,
    sex: 'male',
    serial: 5000 + randomInt(1000),
  });
}

/** Today in Jakarta, as the services count it. */
function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

/**
 * Where the claim's worker lives: Kabupaten Malaka, which no other test's data uses, so the
 * decisions counted there are this test's (the NIK says where he was registered, not where he lives).
 */
const MALAKA = '5321';

async function register(
  day: number,
  sponsorProgramId?: string,
  regencyCode = '5371',
): Promise<string> {
  const registered = await machine('enrollment', 'POST', '/participants', {
    nik: nik(day),
    fullName: `Pekerja Dasbor ${day}`,
    birthDate: `1990-08-${String(day).padStart(2, '0')}`,
    sex: 'male',
    address: { line: 'Jl. Frans Seda 5', regencyCode },
    phone: '+6281234500000',
    occupation: 'nelayan',
    declaredIncome: 1_000_000,
    incomeEffectiveFrom: jakartaToday().slice(0, 7),
    ...(sponsorProgramId === undefined ? {} : { sponsorProgramId }),
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return registered.body['participantId'] as string;
}

/**
 * A self-paying worker registered with his wife as heir, this month paid, dead today; the
 * widow's claim lodged with its documents and proposed for approval by the machine (the maker).
 */
async function proposedJkmDeath(): Promise<{ claimId: string; total: number }> {
  const today = jakartaToday();
  const month = today.slice(0, 7);
  const participantId = await register(10 + randomInt(18), undefined, MALAKA);
  const heirId = randomUUID();
  const heirs = await machine('enrollment', 'PUT', `/participants/${participantId}/heirs`, {
    heirs: [
      {
        heirId,
        fullName: 'Yuliana Dasbor',
        relationship: 'spouse',
        birthDate: '1991-02-02',
        bankAccount: {
          bankCode: '002',
          accountNumber: '5500112233',
          accountName: 'Yuliana Dasbor',
        },
      },
    ],
  });
  expect(heirs.status, JSON.stringify(heirs.body)).toBe(200);
  // Contributions opens the account from enrollment's events and bills the month.
  await expect(async () => {
    const paid = await machine(
      'contributions',
      'POST',
      `/participants/${participantId}/self-payments`,
      {
        paymentReference: `VA-DASH-${participantId}`,
        firstMonth: month,
        months: 1,
        amount: 16_800,
        paidAt: new Date().toISOString(),
        paidOn: today,
      },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  }).toPass(PATIENCE);
  // Claims hears of the participant and the heir through enrollment's events.
  let claimId = '';
  let required: string[] = [];
  await expect(async () => {
    const submitted = await machine('claims', 'POST', '/claims/jkm', {
      participantId,
      dateOfDeath: today,
      claimant: { kind: 'heir', fullName: 'Yuliana Dasbor', relationship: 'spouse' },
      lodgedOn: today,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    claimId = submitted.body['claimId'] as string;
    required = (submitted.body['documents'] as { required: string[] }).required;
  }).toPass(PATIENCE);
  for (const document of required) {
    const recorded = await machine('claims', 'POST', `/claims/${claimId}/documents`, {
      document,
      reference: `arsip/dasbor/${claimId}/${document}.pdf`,
      receivedOn: today,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
  }
  // The proposal waits for claims to have heard of the paid month.
  await untilClaimsKnows(participantId, { heirs: 1, paidMonths: 1 }, PATIENCE);
  let total = 0;
  await expect(async () => {
    const proposed = await machine('claims', 'POST', `/claims/${claimId}/decisions`, {
      nominatedPayeeId: heirId,
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body['status']).toBe('awaiting-checker');
    total = (proposed.body['decision'] as { total: number }).total;
  }).toPass(PATIENCE);
  return { claimId, total };
}

async function as(page: Page, user: BrowserUser, path: string): Promise<void> {
  await signIn(page, platform.consoleUrl, user, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

const digits = (text: string | null): number => Number((text ?? '').replace(/[^0-9]/g, '') || '0');

/** A number in a chart's table: the row headed `row`, the `column`-th value cell. */
async function cell(page: Page, tableId: string, row: string, column: number): Promise<number> {
  const rows = page.locator(`#${tableId} tbody tr`, {
    has: page.locator('th', { hasText: row }),
  });
  if ((await rows.count()) === 0) return 0;
  return digits(await rows.first().locator('td').nth(column).textContent());
}

/** The sum of a column over the month × kabupaten/kota rows of Kabupaten Malaka. */
async function malakaTotal(page: Page, column: number): Promise<number> {
  const rows = page.locator('#table-month-regency tbody tr', { hasText: `(${MALAKA})` });
  let sum = 0;
  for (const row of await rows.all())
    sum += digits(await row.locator('td').nth(column).textContent());
  return sum;
}

/** Looks again, as a person would, until the read models have caught up. */
async function untilShown(page: Page, assertion: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await assertion();
  }).toPass(PATIENCE);
}

function chartSection(page: Page, chartId: string): Locator {
  return page.locator('section.chart', { has: page.locator(`svg#${chartId}`) });
}

test.describe.serial('dashboards', () => {
  test('a claims supervisor sees the lodged claim counted, opens a table view, and the approval among the decisions', async ({
    page,
  }) => {
    test.setTimeout(900_000);
    await as(page, supervisor, '/dashboards/claims');
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor klaim' })).toBeVisible();
    // JKM death claims awaiting the checker (third status column), and Malaka's approvals.
    const waitingBefore = await cell(page, 'chart-open-claims-table', 'JKM kematian', 2);
    const approvedBefore = await malakaTotal(page, 1);
    const decidedBefore = await malakaTotal(page, 3);

    const { claimId, total } = await proposedJkmDeath();
    expect(total).toBeGreaterThan(0);

    await untilShown(page, async () =>
      expect(await cell(page, 'chart-open-claims-table', 'JKM kematian', 2)).toBe(
        waitingBefore + 1,
      ),
    );
    const open = chartSection(page, 'chart-open-claims');
    await expect(
      open.getByRole('img', { name: 'Klaim terbuka per manfaat dan status' }),
    ).toBeVisible();
    const table = open.getByRole('table', { name: 'Klaim terbuka per manfaat dan status' });
    await expect(table).toBeHidden();
    await open.getByText('Tampilkan sebagai tabel').click();
    await expect(table).toBeVisible();
    await expect(table.getByRole('row', { name: /JKM kematian/ })).toBeVisible();
    await checkPage(page, 'dashboards-claims');

    // The supervisor checks the machine's proposal; the decision shows on the dashboard.
    await page.goto(`${platform.consoleUrl}/claims/${claimId}`);
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(page.getByText('Keputusan disetujui.')).toBeVisible();
    await page.goto(`${platform.consoleUrl}/dashboards/claims`);
    await untilShown(page, async () => {
      expect(await malakaTotal(page, 1)).toBe(approvedBefore + 1);
      expect(await malakaTotal(page, 3)).toBe(decidedBefore + total);
      expect(await cell(page, 'chart-open-claims-table', 'JKM kematian', 2)).toBe(waitingBefore);
    });
    await expect(
      page.getByRole('img', { name: 'Jumlah diputuskan dan dibayar per bulan' }),
    ).toBeVisible();
    await expect(page.getByText(/JKM \(3 hari kerja\)/).first()).toBeVisible();

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Claims dashboard' })).toBeVisible();
    // This test's claim is decided by now, so other specs' claims decide whether any is open;
    // the month chart holds its decision either way.
    await expect(
      page.getByRole('img', { name: 'Amounts decided and paid by month' }),
    ).toBeVisible();
    await checkPage(page, 'dashboards-claims-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });

  test('a sponsor operator opens a program and sees its workers by kabupaten/kota', async ({
    page,
  }) => {
    test.setTimeout(900_000);
    const today = jakartaToday();
    const year = Number(today.slice(0, 4));
    const firstMonth = today.slice(0, 7);
    const lastMonth = `${year + 1}-${today.slice(5, 7)}`;
    const programId = `dasbor-${randomInt(1_000_000)}`;

    await as(page, sponsorOperator, '/programs/new');
    await page.locator('[name="programId"]').fill(programId);
    await page.locator('[name="name"]').fill('Dasbor Kota Kupang');
    await page.locator('[name="sponsorType"]').selectOption('regency');
    await page.locator('[name="pksNumber"]').fill(`PKS/DASBOR/${programId}`);
    await page.locator('[name="budget"]').fill('100000000');
    await page.locator('[name="firstMonth"]').fill(firstMonth);
    await page.locator('[name="lastMonth"]').fill(lastMonth);
    await page.locator('button[name="intent"][value="open"]').click();
    await expect(page).toHaveURL(new RegExp(`/programs/${programId}$`));

    // Enrollment may hear of the new program a moment after it opens.
    for (const day of [11, 12]) {
      await expect(async () => {
        await register(day, programId);
      }).toPass(PATIENCE);
    }

    await page.goto(`${platform.consoleUrl}/dashboards/programs?programId=${programId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dasbor program' })).toBeVisible();
    await expect(page.getByLabel('Program', { exact: true })).toHaveValue(programId);
    await untilShown(page, async () =>
      expect(await cell(page, 'chart-workers-regency-table', '(5371)', 0)).toBe(2),
    );
    await expect(page.getByRole('img', { name: 'Pekerja per kabupaten/kota' })).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Pemakaian anggaran dari bulan ke bulan' }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: 'Penagihan iuran: ditagih dan dibayar per bulan' }),
    ).toBeVisible();
    await expect(page.getByText('Anggaran: Rp100.000.000')).toBeVisible();
    await checkPage(page, 'dashboards-programs');

    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('img', { name: 'Budget use over the months' })).toBeVisible();
    await checkPage(page, 'dashboards-programs-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });
});
