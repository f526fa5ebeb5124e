// Issue 14, items 1–3, done when: in a real browser on the real platform, the province's
// sponsor operator opens a program (the quota computed as they type, and by the server without
// script), uploads a CSV with good and bad rows, watches the job to its end, downloads the
// refused rows (a formula cell comes back neutralised), uploads the same file again (nobody is
// enrolled twice); a payment is recorded against a statement month and the statement changes.
// Every page passes axe in Bahasa Indonesia and in English and is kept as a screenshot.
import { expect, test, type Page } from '@playwright/test';
import { browserPlatform, type BrowserUser } from './support/handle';
import { checkPage, signIn, signOut } from './support/pages';

const platform = browserPlatform();
const { sponsorOperator, admin } = platform.users;

/** Asynchronous hops (relay → Kafka → consumer → projection) on a shared machine. */
const PATIENCE = { timeout: 180_000, intervals: [500, 1_000, 2_000] };

/** This run's own program and workers (serials 1xxx are the programs area's). */
const RUN = Date.now().toString(36);
const PROGRAM_ID = `uji-ntt-${RUN}`;
const SERIAL = 1000 + (Date.now() % 900);
const FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")';

/** YYYY-MM in Jakarta, `offset` months from now: the services' calendar. */
function jakartaMonth(offset = 0): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const at = year * 12 + (month - 1) + offset;
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
}

const FIRST_MONTH = jakartaMonth();
const LAST_MONTH = jakartaMonth(5);

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Two workers of Kota Kupang (Oebobo) to enrol, and two rows the service must refuse. */
const WORKERS_CSV = [
  'nik,full_name,birth_date,sex,address,regency_code,phone,occupation,declared_income',
  // A man born 15 Aug 1990; a woman born 5 Mar 1992 (day + 40 in her NIK).
  `537101150890${SERIAL},Yakobus Tefa,1990-08-15,L,Jl. Frans Seda 1 Oebobo,5371,081234567801,nelayan,1000000`,
  `537101450392${SERIAL},Maria Nenabu,1992-03-05,P,Jl. Timor Raya 9 Oebobo,5371,081234567802,petani rumput laut,1.000.000`,
  // A NIK that is no NIK, under a name a spreadsheet would run as a formula.
  `5371abc,${csvCell(FORMULA_NAME)},1990-08-15,L,Jl. Palapa 3,5371,081234567803,tukang ojek,1000000`,
  `537101150890${SERIAL + 1},Simon Lake,1990-08-15,L,Jl. Palapa 4,5371,bukan-telepon,tukang,1000000`,
  '',
].join('\n');

async function as(page: Page, user: BrowserUser, path: string): Promise<void> {
  await signIn(page, platform.consoleUrl, user, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

/** The page again in English, checked, then back to Bahasa Indonesia. */
async function checkInBothLanguages(page: Page, name: string): Promise<void> {
  await checkPage(page, name);
  const here = new URL(page.url());
  await page.goto(
    `${platform.consoleUrl}/lang/en?returnTo=${encodeURIComponent(here.pathname + here.search)}`,
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkPage(page, `${name}-en`);
  await page.goto(
    `${platform.consoleUrl}/lang/id?returnTo=${encodeURIComponent(here.pathname + here.search)}`,
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
}

/** A page that reads a projection: look again until it shows what the assertion wants. */
async function untilShown(page: Page, assertion: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await assertion();
  }).toPass(PATIENCE);
}

function statementRow(page: Page) {
  return page.locator(`#statements tr[data-month="${FIRST_MONTH}"]`);
}

/** Uploads the workers' file on the program page and lands on its job page. */
async function uploadWorkers(page: Page): Promise<string> {
  await page.goto(`${platform.consoleUrl}/programs/${PROGRAM_ID}`);
  const form = page.getByRole('form', { name: 'Pendaftaran pekerja dari berkas CSV' });
  await form.getByLabel('Berkas CSV').setInputFiles({
    name: 'pekerja-oebobo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(WORKERS_CSV, 'utf8'),
  });
  await form.getByRole('button', { name: 'Unggah dan daftarkan' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/programs/${PROGRAM_ID}/enrolment-uploads/[0-9a-f-]{36}$`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Pendaftaran dari pekerja-oebobo.csv',
  );
  // The script polls the job and reloads the page once it has finished; without it the
  // refresh link does the same.
  await expect(async () => {
    const refresh = page.locator('#job-refresh');
    if (await refresh.isVisible()) await refresh.click();
    await expect(page.locator('#job-state')).toHaveText('Status: Selesai');
  }).toPass(PATIENCE);
  await expect(page.locator('#job-progress-bar')).toHaveAttribute('value', '4');
  await expect(page.locator('#job-progress-text')).toHaveText('4 dari 4 baris dibaca (100%)');
  return page.url();
}

async function fillTerms(page: Page): Promise<void> {
  await page.getByLabel('Kode program').fill(PROGRAM_ID);
  await page.getByLabel('Nama program').fill(`Uji bantuan iuran Kota Kupang ${RUN}`);
  await page.getByLabel('Pemberi bantuan').selectOption('province');
  await page.getByLabel('Nomor PKS').fill(`PKS/UJI/${RUN}`);
  await page.getByLabel('Bulan pertama').fill(FIRST_MONTH);
  await page.getByLabel('Bulan terakhir').fill(LAST_MONTH);
}

function count(page: Page, name: string) {
  return page.locator(`#job-counts [data-count="${name}"]`);
}

test.describe.serial('sponsor programs console', () => {
  test('the operator opens a program, the quota computed as they type and by the server', async ({
    page,
  }) => {
    await as(page, sponsorOperator, '/programs');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Program bantuan iuran' }),
    ).toBeVisible();
    await checkInBothLanguages(page, 'programs-list');

    await page.getByRole('link', { name: 'Buka program baru' }).click();
    await expect(page).toHaveURL(/\/programs\/new$/);
    await checkInBothLanguages(page, 'programs-new');
    await fillTerms(page);
    // Five workers for six months at Rp16.800, and Rp50.000 that buys no sixth.
    await page.getByLabel('Anggaran (Rp)').fill('554.000');
    // As they type: the script asks the console, which asks contributions.
    await expect(page.locator('#quote-quota')).toHaveText('5 pekerja', PATIENCE);
    await expect(page.locator('#quote-remainder')).toHaveText('Rp50.000');
    await expect(page.locator('#quote-result')).toContainText(
      'Rp16.800 (JKK Rp10.000, JKM Rp6.800)',
    );
    await expect(page.locator('#quote-result')).toContainText('Rp100.800');

    // The same without script: the button posts the terms and the page comes back with the quota.
    await page.getByLabel('Anggaran (Rp)').fill('1008000');
    await page.getByRole('button', { name: 'Hitung kuota' }).click();
    await expect(page.locator('#quote-quota')).toHaveText('10 pekerja');
    await expect(page.locator('#quote-remainder')).toHaveText('Rp0');
    await expect(page.getByLabel('Kode program')).toHaveValue(PROGRAM_ID);
    await checkPage(page, 'programs-new-quota');

    // A budget that covers nobody comes back next to the budget, in the user's words.
    await page.getByLabel('Anggaran (Rp)').fill('50000');
    await page.getByRole('button', { name: 'Buka program' }).click();
    await expect(page).toHaveURL(/\/programs\/new$/);
    await expect(page.locator('#f-budget-error')).toHaveText(
      'Anggaran tidak cukup untuk satu pekerja selama masa cakupan.',
    );
    await expect(page.getByLabel('Anggaran (Rp)')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'programs-new-refused');

    await page.getByLabel('Anggaran (Rp)').fill('554.000');
    await page.getByRole('button', { name: 'Buka program' }).click();
    await expect(page).toHaveURL(new RegExp(`/programs/${PROGRAM_ID}$`));
    await expect(page.getByRole('status')).toHaveText(
      `Program ${PROGRAM_ID} dibuka dengan kuota 5 pekerja.`,
    );
    await untilShown(page, async () => {
      await expect(page.locator('#program-totals')).toContainText('Rp554.000');
    });
    await expect(page.locator('#program-enrolled')).toHaveText('0');
    await page.goto(`${platform.consoleUrl}/programs`);
    await expect(
      page.getByRole('link', { name: `Uji bantuan iuran Kota Kupang ${RUN}` }),
    ).toBeVisible();
  });

  test('the operator uploads workers, follows the job, downloads the refused rows, and uploads the file again', async ({
    page,
  }) => {
    await as(page, sponsorOperator, `/programs/${PROGRAM_ID}`);
    const jobUrl = await uploadWorkers(page);
    await expect(count(page, 'enrolled')).toHaveText('2');
    await expect(count(page, 'alreadyEnrolled')).toHaveText('0');
    await expect(count(page, 'rejected')).toHaveText('2');
    const rejected = page.locator('#rejected-rows tbody tr');
    await expect(rejected).toHaveCount(2);
    await expect(rejected.nth(0)).toContainText('nik');
    await expect(rejected.nth(0)).toContainText('NIK_FORMAT');
    // Shown as text on the page: markup and formulas alike are only characters here.
    await expect(rejected.nth(0)).toContainText(FORMULA_NAME);
    await expect(rejected.nth(1)).toContainText('phone');
    await expect(rejected.nth(1)).toContainText('PHONE_FORMAT');
    await checkInBothLanguages(page, 'programs-job');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh baris yang ditolak (CSV)' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = body.split('\r\n');
    expect(lines[0]).toBe(
      'baris,isian,kode,alasan,nik,full_name,birth_date,sex,address,regency_code,phone,occupation,declared_income',
    );
    const formulaLine = lines.find((line) => line.startsWith('4,'));
    // The formula cell comes back with an apostrophe in front: a spreadsheet shows it as text.
    expect(formulaLine).toContain(`,"'=HYPERLINK(""http://evil.example"",""klik"")",`);
    expect(body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(lines.find((line) => line.startsWith('5,'))).toContain(',bukan-telepon,');

    // The same file again: the two workers are already enrolled, nobody twice.
    const secondJobUrl = await uploadWorkers(page);
    expect(secondJobUrl).not.toBe(jobUrl);
    await expect(count(page, 'enrolled')).toHaveText('0');
    await expect(count(page, 'alreadyEnrolled')).toHaveText('2');
    await expect(count(page, 'rejected')).toHaveText('2');

    // Contributions enrols them through Kafka: the program counts two, not four.
    await page.goto(`${platform.consoleUrl}/programs/${PROGRAM_ID}`);
    await untilShown(page, async () => {
      await expect(page.locator('#program-enrolled')).toHaveText('2');
    });
    await expect(page.locator('#program-totals')).toContainText('Rp201.600');

    // Coming back to the program, the operator finds both uploads, newest first, with their
    // counts, each leading back to its job and refused rows.
    const uploads = page.locator('#uploads tbody tr');
    await expect(uploads).toHaveCount(2);
    await expect(uploads.nth(0).locator('td.amount')).toHaveText(['0', '2', '2']);
    await expect(uploads.nth(1).locator('td.amount')).toHaveText(['2', '0', '2']);
    await uploads.nth(1).locator('th a').click();
    await expect(page).toHaveURL(jobUrl);
  });

  test('a payment is recorded against the month’s statement, and the statement changes', async ({
    page,
  }) => {
    // Statements are the scheduler's; the administrator runs this month's now.
    await as(page, admin, `/programs/${PROGRAM_ID}`);
    const run = page.getByRole('form', { name: 'Terbitkan tagihan bulanan' });
    await run.getByLabel('Bulan tagihan').selectOption(FIRST_MONTH);
    await run.getByRole('button', { name: 'Terbitkan tagihan' }).click();
    await expect(page.getByRole('status')).toContainText('Tugas tagihan');
    // The statements table is contributions' read model, a moment behind the program.
    await untilShown(page, async () => {
      await expect(statementRow(page)).toContainText('Rp33.600');
    });
    await signOut(page);

    // The operator records what the province's treasury paid against the month's statement.
    await as(page, sponsorOperator, `/programs/${PROGRAM_ID}`);
    await expect(statementRow(page).locator('td').nth(7)).toHaveText('Rp33.600');
    await checkInBothLanguages(page, 'programs-program');
    const form = page.getByRole('form', { name: 'Catat pembayaran' });
    // More than the month owes is refused next to the amount.
    await form.getByLabel('Bulan tagihan').selectOption(FIRST_MONTH);
    await form.getByLabel('Jumlah (Rp)').fill('50.000');
    await form.getByLabel('Referensi bank (misalnya SP2D)').fill(`SP2D-${RUN}-1`);
    await form.getByLabel('Tanggal bayar').fill(`${FIRST_MONTH}-05`);
    await form.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect(page.locator('#f-amount-error')).toHaveText(
      'Melebihi yang masih terutang untuk bulan ini (Rp33.600).',
    );
    await checkPage(page, 'programs-payment-refused');

    await form.getByLabel('Jumlah (Rp)').fill('16.800');
    await form.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Pembayaran SP2D-${RUN}-1 sebesar Rp16.800`,
    );
    const cells = statementRow(page).locator('td');
    await expect(cells.nth(4)).toHaveText('Rp16.800'); // received
    await expect(cells.nth(5)).toHaveText('Rp16.800'); // paid
    await expect(cells.nth(7)).toHaveText('Rp16.800'); // still due
    await untilShown(page, async () => {
      await expect(page.locator('#payments')).toContainText(`SP2D-${RUN}-1`);
      await expect(page.locator('#program-received')).toHaveText('Rp16.800');
    });
    await checkInBothLanguages(page, 'programs-program-paid');
  });
});
