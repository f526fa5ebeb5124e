// Issue 14 items 6–7, done when: in a real browser on the real platform, a finance officer
// batches a scheduled JKM payout, downloads the bank file, uploads the bank's settlement report
// in which that payout failed, sees the failure with the bank's reason, requests a reissue to a
// corrected account and cannot approve it herself (the payouts service refuses even a forced
// approval); a second finance officer approves it; reconciliation shows the difference. Every
// page is checked with axe in Bahasa Indonesia and English and kept as a screenshot.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { untilClaimsKnows } from './support/claims-probe';
import { browserPlatform, type BrowserUser } from './support/handle';
import { checkPage, expectAccessible, signIn, signOut } from './support/pages';

const platform = browserPlatform();
const { financeOfficer, financeApprover, supervisor, claimsOfficer } = platform.users;

/** Asynchronous hops (relay → Kafka → consumer → projection) on a shared machine. */
const PATIENCE = { timeout: 240_000, intervals: [1_000, 2_000, 5_000] };

/** One BPU month at the income floor: JKK Rp10,000 + JKM Rp6,800. */
const MONTHLY_CONTRIBUTION = 16_800;

/** Finance's NIK serials are 3xxx; this run's own, so a second run on one platform registers anew. */
const SERIAL = `3${String(Date.now() % 1000).padStart(3, '0')}`;
const WORKER = {
  // Kota Kupang, Oebobo (537101); born 12 April 1985 (120485).
  nik: `537101120485${SERIAL}`,
  fullName: 'Markus Ndolu',
  birthDate: '1985-04-12',
  widow: { fullName: 'Yuliana Ndolu', birthDate: '1987-09-03' },
  account: { bankCode: '002', accountNumber: `5501${SERIAL}01` },
};
const CORRECTED = { bankCode: 'BNI', accountNumber: `7700${SERIAL}88` };

/** Today in Asia/Jakarta, the services' business day. */
function todayInJakarta(): string {
  return new Date(Date.now() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const shortId = (id: string): string => id.slice(0, 8);

interface Setup {
  claimId: string;
  decisionTotal: number;
  payoutId: string;
  amount: number;
}

/** The services' APIs with the machine client's token: for setting up data, never for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the services' JSON, read loosely in setup
type Json = any;

async function machine(): Promise<
  (
    method: 'GET' | 'POST' | 'PUT',
    service: keyof typeof platform.serviceUrls,
    url: string,
    body?: unknown,
  ) => Promise<{ status: number; body: Json }>
> {
  const { issuer, clientId, clientSecret } = platform.machine;
  // The client-credentials grant, as @santunan/platform's clientCredentialsToken makes it (that
  // module pulls in Nest's parameter decorators, which Playwright's transform cannot load).
  const granted = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  expect(granted.status).toBe(200);
  const token = ((await granted.json()) as { access_token: string }).access_token;
  return async (method, service, url, body) => {
    const response = await fetch(`${platform.serviceUrls[service]}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
}

async function as(page: Page, user: BrowserUser, at: string): Promise<void> {
  await signIn(page, platform.consoleUrl, user, at);
  await expect(page).toHaveURL(new RegExp(`${at.replace(/[?]/g, '\\?')}$`));
}

/** Pages follow the payouts read model; on a busy machine the officer may need to look again. */
async function untilShown(page: Page, assertion: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await assertion();
  }).toPass(PATIENCE);
}

test.describe.serial('finance console', () => {
  let setup: Setup | undefined;
  let batchId = '';

  test('an approved JKM death claim’s payout is scheduled (set up through the services, approved by a supervisor in the console)', async ({
    page,
  }) => {
    test.setTimeout(900_000);
    const call = await machine();
    const today = todayInJakarta();
    const month = today.slice(0, 7);

    const registered = await call('POST', 'enrollment', '/participants', {
      nik: WORKER.nik,
      fullName: WORKER.fullName,
      birthDate: WORKER.birthDate,
      sex: 'male',
      address: { line: 'Jl. Frans Seda 5, Oebobo', regencyCode: '5371' },
      phone: '+6281234567891',
      occupation: 'nelayan',
      declaredIncome: 1_000_000,
      incomeEffectiveFrom: month,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const participantId = registered.body.participantId as string;
    const heirId = randomUUID();
    const heirs = await call('PUT', 'enrollment', `/participants/${participantId}/heirs`, {
      heirs: [
        {
          heirId,
          fullName: WORKER.widow.fullName,
          relationship: 'spouse',
          birthDate: WORKER.widow.birthDate,
          bankAccount: { ...WORKER.account, accountName: WORKER.widow.fullName },
        },
      ],
    });
    expect(heirs.status, JSON.stringify(heirs.body)).toBe(200);

    // Contributions opened the account from enrollment.events and billed this month.
    await expect(async () => {
      const coverage = await call(
        'GET',
        'contributions',
        `/participants/${participantId}/coverage`,
      );
      expect(coverage.status).toBe(200);
      expect(coverage.body.dues).toEqual(
        expect.arrayContaining([expect.objectContaining({ month, status: 'unpaid' })]),
      );
    }).toPass(PATIENCE);
    const paid = await call(
      'POST',
      'contributions',
      `/participants/${participantId}/self-payments`,
      {
        paymentReference: `VA-${participantId}`,
        firstMonth: month,
        months: 1,
        amount: MONTHLY_CONTRIBUTION,
        paidAt: `${today}T00:00:00+07:00`,
        paidOn: today,
      },
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    await expect(async () => {
      const coverage = await call(
        'GET',
        'contributions',
        `/participants/${participantId}/coverage`,
      );
      expect(coverage.body.dues).toEqual(
        expect.arrayContaining([expect.objectContaining({ month, status: 'paid' })]),
      );
    }).toPass(PATIENCE);

    // Claims learns the participant and heir from enrollment.events: lodging waits for that.
    let claimId = '';
    let required: string[] = [];
    await expect(async () => {
      const lodged = await call('POST', 'claims', '/claims/jkm', {
        participantId,
        dateOfDeath: today,
        claimant: { kind: 'heir', fullName: WORKER.widow.fullName, relationship: 'spouse' },
        lodgedOn: today,
      });
      expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
      claimId = lodged.body.claimId as string;
      required = lodged.body.documents.required as string[];
    }).toPass(PATIENCE);
    for (const document of required) {
      const recorded = await call('POST', 'claims', `/claims/${claimId}/documents`, {
        document,
        reference: `arsip/${claimId}/${document}.pdf`,
        receivedOn: today,
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    }
    // The machine client is the maker (claims-officer); the supervisor checks it in the console.
    await untilClaimsKnows(participantId, { heirs: 1, paidMonths: 1 }, PATIENCE);
    let decisionId = '';
    let decisionTotal = 0;
    await expect(async () => {
      const proposed = await call('POST', 'claims', `/claims/${claimId}/decisions`, {
        nominatedPayeeId: heirId,
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      expect(proposed.body).toMatchObject({
        status: 'awaiting-checker',
        eligibility: { outcome: 'eligible' },
      });
      decisionId = proposed.body.decision.decisionId as string;
      decisionTotal = proposed.body.decision.total as number;
    }).toPass(PATIENCE);

    await as(page, supervisor, `/claims/${claimId}`);
    await untilShown(page, async () => {
      await expect(
        page.getByRole('form', { name: 'Setujui usulan' }).getByRole('button', {
          name: 'Setujui',
          exact: true,
        }),
      ).toBeEnabled();
    });
    await page
      .getByRole('form', { name: 'Setujui usulan' })
      .getByRole('button', { name: 'Setujui', exact: true })
      .click();
    await expect(page.locator('.notice')).toBeVisible();
    await signOut(page);

    // The payout is ordered from claims.events: wait until payouts has scheduled it.
    await expect(async () => {
      const payouts = await call('GET', 'payouts', `/payouts?claimId=${claimId}`);
      expect(payouts.status).toBe(200);
      expect(payouts.body.items).toEqual([
        expect.objectContaining({ decisionId, status: 'scheduled' }),
      ]);
      setup = {
        claimId,
        decisionTotal,
        payoutId: payouts.body.items[0].payoutId as string,
        amount: payouts.body.items[0].amount as number,
      };
    }).toPass(PATIENCE);
  });

  test('a finance officer finds the payout, batches it and downloads the bank file', async ({
    page,
  }) => {
    test.skip(setup === undefined, 'needs the scheduled payout');
    const { payoutId, amount, claimId } = setup!;
    await as(page, financeOfficer, '/finance/payouts?status=scheduled');
    await expect(page.getByRole('heading', { level: 1, name: 'Pembayaran manfaat' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Jumlah per keadaan' })).toContainText(
      'dijadwalkan',
    );
    await checkPage(page, 'finance-payouts');

    await page.goto(`${platform.consoleUrl}/finance/payouts/${payoutId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Pembayaran ${shortId(payoutId)}`,
    );
    const summary = page.locator('section', { has: page.locator('h2#s-payout') });
    await expect(summary).toContainText('Dijadwalkan');
    await expect(summary).toContainText(WORKER.widow.fullName);
    // The account as the pages show it: its last four digits only.
    await expect(summary).toContainText(WORKER.account.accountNumber.slice(-4));
    await expect(summary).not.toContainText(WORKER.account.accountNumber);
    await expect(summary).toContainText(claimId);
    // Finance alone cannot open claims: the claim is named, not linked.
    await expect(summary.getByRole('link', { name: claimId })).toHaveCount(0);
    await checkPage(page, 'finance-payout-scheduled');

    await page.goto(`${platform.consoleUrl}/finance/batches`);
    await page.getByRole('button', { name: 'Buat batch dari yang dipilih' }).click();
    await expect(page.locator('.form-error')).toHaveText(
      'Pilih paling sedikit satu pembayaran untuk batch ini.',
    );
    await page.getByLabel(`Pilih ${shortId(payoutId)}`).check();
    await checkPage(page, 'finance-batches');
    await page.getByRole('button', { name: 'Buat batch dari yang dipilih' }).click();
    await expect(page).toHaveURL(/\/finance\/batches\/[0-9a-f-]{36}$/);
    batchId = page.url().split('/').pop() ?? '';
    await expect(page.locator('.notice')).toContainText('Batch disiapkan dengan 1 pembayaran');
    // Prepared: the payout is locked in, but nothing is with the bank until the officer says so.
    const row = page.getByRole('row', { name: new RegExp(shortId(payoutId)) });
    await expect(row).toContainText('Dalam batch, belum dikirim');
    await expect(page.locator('dl.summary-list')).toContainText('Disiapkan, belum dikirim');
    await expect(
      page.getByRole('form', { name: 'Tandai batch sudah dikirim ke bank' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Unggah laporan penyelesaian bank' })).toHaveCount(
      0,
    );
    await checkPage(page, 'finance-batch');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh berkas bank (CSV)' }).click(),
    ]);
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = file.split('\r\n');
    expect(lines[0]).toMatch(/^payout_id,attempt,bank_code,account_number/);
    expect(lines).toContainEqual(
      expect.stringContaining(
        `${payoutId},1,${WORKER.account.bankCode},${WORKER.account.accountNumber},`,
      ),
    );
    expect(file).toContain(`,${amount},IDR,`);
  });

  test('the bank’s settlement report says the payout failed; the officer sees the bank’s reason and requests a reissue she cannot approve herself', async ({
    page,
  }) => {
    test.skip(setup === undefined || batchId === '', 'needs the batch');
    const { payoutId, amount } = setup!;
    const report = {
      schemaVersion: 1,
      reportId: `BRI-STMT-${batchId}`,
      payoutId,
      batchId,
      outcome: 'failed',
      bankReference: `BRI-TRX-${payoutId}`,
      amount,
      valueDate: todayInJakarta(),
      reasonCode: 'ACCOUNT_CLOSED',
      reason: 'Rekening ditutup',
      reportedAt: new Date().toISOString(),
    };
    const reportFile = path.join(os.tmpdir(), `settlement-${batchId}.jsonl`);
    fs.writeFileSync(reportFile, `${JSON.stringify(report)}\n`);

    await as(page, financeOfficer, '/finance/settlements');
    await page.getByRole('button', { name: 'Unggah dan catat' }).click();
    await expect(page.locator('#f-report-error')).toHaveText('Pilih berkas laporan bank.');
    // The file was never marked as handed to the bank: the service refuses its report.
    await page.getByLabel('Berkas laporan bank').setInputFiles(reportFile);
    await page.getByRole('button', { name: 'Unggah dan catat' }).click();
    const results = page.getByRole('table', { name: 'Setiap laporan dalam berkas dan hasilnya' });
    await expect(results).toContainText('Ditolak');
    await expect(results).toContainText('belum ditandai sudah dikirim ke bank');
    await checkPage(page, 'finance-settlements-not-instructed');

    // The officer marks the batch: first with a reference too long (the error by the field).
    await page.goto(`${platform.consoleUrl}/finance/batches/${batchId}`);
    const mark = page.getByRole('form', { name: 'Tandai batch sudah dikirim ke bank' });
    await mark.getByLabel('Referensi bank').fill('B'.repeat(101));
    await mark.getByRole('button', { name: 'Tandai sudah dikirim ke bank' }).click();
    await expect(page.locator('#f-bankReference-error')).toHaveText('Terlalu panjang.');
    await expect(mark.getByLabel('Referensi bank')).toHaveAttribute('aria-invalid', 'true');
    await expect(mark.getByLabel('Referensi bank')).toHaveValue('B'.repeat(101));
    await checkPage(page, 'finance-batch-mark-refused');
    const bankUpload = `BRI-H2H-${batchId.slice(0, 8)}`;
    await mark.getByLabel('Referensi bank').fill(bankUpload);
    await mark.getByRole('button', { name: 'Tandai sudah dikirim ke bank' }).click();
    // The batch page reads the batches read model, which may trail the mark on a loaded machine.
    const batchSummary = page.locator('dl.summary-list');
    let firstLook = true;
    await expect(async () => {
      if (!firstLook || !page.url().endsWith(`/finance/batches/${batchId}`)) {
        await page.goto(`${platform.consoleUrl}/finance/batches/${batchId}`);
      }
      firstLook = false;
      await expect(batchSummary).toContainText(bankUpload, { timeout: 5_000 });
    }).toPass(PATIENCE);
    await expect(batchSummary).toContainText('Dikirim ke bank');
    await expect(
      page.getByRole('form', { name: 'Tandai batch sudah dikirim ke bank' }),
    ).toHaveCount(0);
    await expect(page.getByRole('row', { name: new RegExp(shortId(payoutId)) })).toContainText(
      'Dikirim ke bank',
    );
    await checkPage(page, 'finance-batch-instructed');

    await page.getByRole('link', { name: 'Unggah laporan penyelesaian bank' }).click();
    await page.getByLabel('Berkas laporan bank').setInputFiles(reportFile);
    await page.getByRole('button', { name: 'Unggah dan catat' }).click();
    await expect(results).toContainText('Dicatat');
    await expect(results).toContainText('Gagal');
    await checkPage(page, 'finance-settlements');
    // The same report again changes nothing: the service knows the bank reference.
    await page.getByLabel('Berkas laporan bank').setInputFiles(reportFile);
    await page.getByRole('button', { name: 'Unggah dan catat' }).click();
    await expect(results).toContainText('Sudah tercatat');

    await page.goto(`${platform.consoleUrl}/finance/payouts?status=failed`);
    await expect(page.getByRole('list', { name: 'Jumlah per keadaan' })).toContainText('gagal');
    await page.goto(`${platform.consoleUrl}/finance/payouts/${payoutId}`);
    const failure = page.locator('section', { has: page.locator('h2#s-failure') });
    await expect(failure).toContainText('Rekening ditutup');
    await expect(failure).toContainText('ACCOUNT_CLOSED');
    await expect(page.getByRole('table', { name: /Setiap langkah/ })).toContainText(
      'Gagal di bank',
    );
    await checkPage(page, 'finance-payout-failed');

    const request = page.getByRole('form', { name: 'Minta penerbitan ulang' });
    await request.getByRole('button', { name: 'Minta penerbitan ulang' }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await request.getByLabel('Kode bank').fill(CORRECTED.bankCode);
    await request.getByLabel('Nomor rekening').fill(CORRECTED.accountNumber);
    await request.getByLabel('Nama pemilik rekening').fill(WORKER.widow.fullName);
    await request.getByLabel('Alasan').fill('Rekening lama ditutup; buku tabungan baru diterima');
    await request.getByRole('button', { name: 'Minta penerbitan ulang' }).click();
    await expect(page.locator('.notice')).toContainText('Penerbitan ulang diminta');

    const approve = page.getByRole('form', { name: 'Setujui penerbitan ulang' });
    await expect(approve.getByRole('button', { name: 'Setujui penerbitan ulang' })).toBeDisabled();
    await expect(approve).toContainText('Anda yang meminta penerbitan ulang ini');
    await checkPage(page, 'finance-payout-reissue-requested');

    // Forced with the session's own CSRF token: the payouts service refuses the maker.
    const action = await approve.getAttribute('action');
    const csrf = await approve.locator('input[name="_csrf"]').inputValue();
    expect(action).toMatch(/\/reissue-requests\/[0-9a-f-]{36}\/approval$/);
    await page.evaluate(
      ([url, token]) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = url ?? '';
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = '_csrf';
        field.value = token ?? '';
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      [action, csrf],
    );
    await page.waitForLoadState('load');
    await expect(
      page.getByRole('form', { name: 'Setujui penerbitan ulang' }).locator('.form-error'),
    ).toHaveText(
      'Penyetuju harus petugas keuangan lain: Anda sendiri yang meminta penerbitan ulang ini.',
    );
    await expect(page.locator('h2#s-payout + dl')).toContainText('Gagal');
    await checkPage(page, 'finance-reissue-own-refused');
  });

  test('a second finance officer approves the reissue; reconciliation shows the difference', async ({
    page,
  }) => {
    test.skip(setup === undefined || batchId === '', 'needs the reissue request');
    const { payoutId, decisionTotal, amount } = setup!;
    await as(page, financeApprover, '/finance/payouts?reissuePending=1');
    await untilShown(page, async () => {
      await expect(
        page.getByRole('link', { name: `Buka pembayaran ${shortId(payoutId)}` }),
      ).toBeVisible();
    });
    await checkPage(page, 'finance-payouts-reissue-pending');
    await page.getByRole('link', { name: `Buka pembayaran ${shortId(payoutId)}` }).click();
    const approve = page.getByRole('form', { name: 'Setujui penerbitan ulang' });
    await expect(approve).toContainText('Setelah disetujui');
    await approve.getByRole('button', { name: 'Setujui penerbitan ulang' }).click();
    await expect(page.locator('.notice')).toContainText('Penerbitan ulang disetujui');
    const summary = page.locator('section', { has: page.locator('h2#s-payout') });
    await expect(summary).toContainText('Dijadwalkan');
    await expect(summary).toContainText('(percobaan ke-2)');
    await expect(summary).toContainText(CORRECTED.accountNumber.slice(-4));
    // The bank's reason stays on the page, as the earlier attempt's.
    await expect(page.locator('h2#s-failure')).toHaveText('Kegagalan di bank pada percobaan ke-1');
    const lifecycle = page.getByRole('table', { name: /Setiap langkah/ });
    await expect(lifecycle).toContainText('Penerbitan ulang diminta');
    await expect(lifecycle.getByRole('row', { name: /Penerbitan ulang disetujui/ })).toContainText(
      'Gabriel Tallo',
    );
    await checkPage(page, 'finance-payout-reissued');

    await page.goto(`${platform.consoleUrl}/finance/reconciliation`);
    await expect(page.getByRole('table', { name: /Jumlah dan nilai per program/ })).toBeVisible();
    const differences = page.getByRole('table', { name: /Keputusan yang belum lunas/ });
    const decisionRow = differences.getByRole('row', {
      name: new RegExp(`klaim ${shortId(setup!.claimId)}`),
    });
    await untilShown(page, async () => {
      await expect(decisionRow).toContainText('Dalam proses');
    });
    // Nothing settled yet: the whole decided amount is the difference, still open.
    const rupiah = (value: number) => `Rp${new Intl.NumberFormat('id-ID').format(value)}`;
    await expect(decisionRow).toContainText(`-${rupiah(decisionTotal)}`);
    await expect(decisionRow).toContainText(rupiah(amount));
    await checkPage(page, 'finance-reconciliation');
  });

  test('English renders on every finance page', async ({ page }) => {
    test.skip(setup === undefined || batchId === '', 'needs the payout and batch');
    const { payoutId } = setup!;
    await as(page, financeOfficer, '/finance/payouts');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benefit payouts');
    await checkPage(page, 'finance-payouts-en');
    await page.goto(`${platform.consoleUrl}/finance/payouts/${payoutId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Payout history' })).toBeVisible();
    await checkPage(page, 'finance-payout-en');
    await page.goto(`${platform.consoleUrl}/finance/batches`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bank batches');
    await checkPage(page, 'finance-batches-en');
    await page.goto(`${platform.consoleUrl}/finance/batches/${batchId}`);
    await expect(page.getByRole('link', { name: 'Download the bank file (CSV)' })).toBeVisible();
    // Marked, and the bank has reported its one payout.
    await expect(page.locator('dl.summary-list')).toContainText('Settled by the bank');
    await checkPage(page, 'finance-batch-en');

    // The reissued attempt goes into a new batch: prepared, with the form to mark it.
    await page.goto(`${platform.consoleUrl}/finance/batches`);
    await untilShown(page, async () => {
      await expect(page.getByLabel(`Select ${shortId(payoutId)}`)).toBeVisible();
    });
    await page.getByLabel(`Select ${shortId(payoutId)}`).check();
    await page.getByRole('button', { name: 'Create a batch from the selected' }).click();
    await expect(page.locator('.notice')).toContainText('Batch prepared with 1 payouts');
    const mark = page.getByRole('form', { name: 'Mark the batch as sent to the bank' });
    await mark.getByLabel('Bank reference').fill('B'.repeat(101));
    await mark.getByRole('button', { name: 'Mark instructed' }).click();
    await expect(page.locator('#f-bankReference-error')).toHaveText('Too long.');
    await expect(page.locator('dl.summary-list')).toContainText('Prepared, not yet sent');
    await checkPage(page, 'finance-batch-prepared-en');
    await page.goto(`${platform.consoleUrl}/finance/settlements`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bank settlement reports');
    await checkPage(page, 'finance-settlements-en');
    await page.goto(`${platform.consoleUrl}/finance/reconciliation`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payout reconciliation');
    await checkPage(page, 'finance-reconciliation-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });

  test('the finance pages are the finance officers’: a claims officer is refused', async ({
    page,
  }) => {
    await as(page, claimsOfficer, '/claims');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav.getByRole('link', { name: 'Pembayaran manfaat' })).toHaveCount(0);
    await page.goto(`${platform.consoleUrl}/finance/payouts`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
    await expectAccessible(page);
  });
});
