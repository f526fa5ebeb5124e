// Issue 13, done when: in a real browser on the real platform, a claims officer signs in, takes
// a JKM death claim from the queue, records its documents and proposes approval; the same
// officer cannot approve it; a supervisor approves; the payout appears on the claim; an auditor
// opens its explanation and sees the chain verified. A rejection without a reason is refused.
// Both languages render. Every page is checked with axe and kept as a screenshot.
import { expect, test, type Page } from '@playwright/test';
import { browserPlatform, type BrowserUser } from './support/handle';
import { checkPage, expectAccessible, signIn, signOut } from './support/pages';

const platform = browserPlatform();
const { claimsOfficer, supervisor, auditor } = platform.users;
const { toApprove, toReject } = platform.claims;

/** Asynchronous hops (relay → Kafka → consumer → projection) on a shared machine. */
const PATIENCE = { timeout: 180_000, intervals: [500, 1_000, 2_000] };

function section(page: Page, id: string) {
  return page.locator('section', { has: page.locator(`h2#${id}`) });
}

/**
 * The claim page reads claims' work-queue projection, which follows the event store
 * asynchronously: on a busy machine the officer may need to look again, as a person would.
 */
async function untilShown(page: Page, assertion: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await assertion();
  }).toPass(PATIENCE);
}

async function as(page: Page, user: BrowserUser, path: string): Promise<void> {
  await signIn(page, platform.consoleUrl, user, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

test.describe.serial('claims console', () => {
  let payoutVisible = false;

  test('a claims officer takes the JKM death claim from the queue, records its documents and proposes approval', async ({
    page,
  }) => {
    await as(page, claimsOfficer, '/claims');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Antrean kerja klaim' }),
    ).toBeVisible();
    await page.getByLabel('Manfaat').selectOption('jkm');
    await page.getByRole('button', { name: 'Terapkan saringan' }).click();
    const row = page.getByRole('row', { name: new RegExp(toApprove.claimId.slice(0, 8)) });
    await expect(row).toBeVisible();
    await checkPage(page, 'work-queue');

    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/claims/${toApprove.claimId}$`));
    // Personal data as enrollment discloses it to a claims officer: masked (ADR 0010).
    await expect(section(page, 's-participant')).toContainText(
      `${toApprove.nik.slice(0, 4)}********${toApprove.nik.slice(-4)}`,
    );
    await checkPage(page, 'claim-detail-open');

    // Every document the claim still misses, as the office receives them. Each POST answers
    // with a redirect to a new page; the count of received documents says it has arrived.
    const documents = section(page, 's-documents');
    const received = documents.getByText(/^Diterima /);
    const record = page.getByRole('form', { name: 'Catat dokumen diterima' });
    for (let left = 20; left > 0; left -= 1) {
      if ((await documents.getByText('Belum ada', { exact: true }).count()) === 0) break;
      const before = await received.count();
      const missing = await record.getByLabel('Dokumen').inputValue();
      await record.getByLabel('Rujukan arsip').fill(`arsip/2026/${missing}.pdf`);
      await record.getByRole('button', { name: 'Catat dokumen' }).click();
      await expect(page.getByText('Dokumen dicatat.')).toBeVisible();
      await untilShown(page, () => expect(received).toHaveCount(before + 1, { timeout: 2_000 }));
    }
    await expect(section(page, 's-documents')).toContainText('Daftar dokumen: lengkap');

    await page.getByRole('button', { name: 'Usulkan persetujuan' }).click();
    await expect(page.getByText(/Keputusan diusulkan/)).toBeVisible();
    await untilShown(page, () =>
      expect(section(page, 's-benefit')).toContainText('Rp', { timeout: 2_000 }),
    );
    await checkPage(page, 'claim-detail-proposed');
  });

  test('the officer cannot approve their own proposal; forcing it shows the service refusing', async ({
    page,
  }) => {
    // Ani is a senior officer who may also check others' proposals: only maker ≠ checker,
    // enforced by the claims service on actor ids, stands between her and her own proposal.
    await as(page, claimsOfficer, `/claims/${toApprove.claimId}`);
    const approveForm = page.getByRole('form', { name: 'Setujui usulan' });
    await expect(approveForm.getByRole('button', { name: 'Setujui', exact: true })).toBeDisabled();
    await expect(approveForm).toContainText('Anda yang mengusulkan keputusan ini');

    // A crafted POST with the session's own CSRF token: the console passes it on, and the
    // service's 403 comes back as an error on the claim page.
    const action = await approveForm.getAttribute('action');
    const csrf = await approveForm.locator('input[name="_csrf"]').inputValue();
    expect(action).toMatch(/\/decisions\/[0-9a-f-]{36}\/approval$/);
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
      page.getByRole('form', { name: 'Setujui usulan' }).locator('.form-error'),
    ).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Keputusan disetujui.');
    await checkPage(page, 'claim-own-proposal-refused');
  });

  test('a supervisor approves from the checker queue, and the payout appears on the claim', async ({
    page,
  }) => {
    await as(page, supervisor, '/proposals');
    const row = page.getByRole('row', { name: new RegExp(toApprove.claimId.slice(0, 8)) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Ani Lestari');
    await checkPage(page, 'checker-queue');
    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`/claims/${toApprove.claimId}`));
    // People by name, not by their identity provider's id: Ani signed in here before.
    await expect(section(page, 's-decision')).toContainText('Ani Lestari');
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(page.getByText('Keputusan disetujui.')).toBeVisible();

    const payout = section(page, 's-payout');
    await untilShown(page, () => expect(payout.getByRole('table')).toBeVisible({ timeout: 2_000 }));
    await expect(payout).toContainText('Rp');
    payoutVisible = true;
    await checkPage(page, 'claim-detail-approved');
  });

  test('an auditor opens the explanation and sees the chain verified', async ({ page }) => {
    test.skip(!payoutVisible, 'needs the approved claim');
    await as(page, auditor, '/audit');
    await checkPage(page, 'audit-start');
    await page.getByLabel('ID klaim').fill(toApprove.claimId);
    await page.getByRole('button', { name: 'Jelaskan klaim' }).click();
    await expect(page).toHaveURL(new RegExp(`/audit/claims/${toApprove.claimId}$`));
    await expect(page.locator('#chain-status')).toContainText('Rantai hash terverifikasi');
    await expect(page.locator('#decision-maker')).toContainText(claimsOfficer.id);
    await expect(page.locator('#decision-checker')).toContainText(supervisor.id);
    await checkPage(page, 'audit-explain-claim');

    // From the claim to its payout's own explanation.
    const payoutLink = page.locator('a[href^="/audit/payouts/"]').first();
    await payoutLink.click();
    await expect(page.locator('#chain-status')).toContainText('Rantai hash terverifikasi');
    await checkPage(page, 'audit-explain-payout');

    await page.goto(`${platform.consoleUrl}/audit`);
    await page.getByRole('button', { name: 'Mulai verifikasi' }).click();
    await expect(page.locator('#verify-result')).toContainText('Terverifikasi', PATIENCE);
    await checkPage(page, 'audit-verify');

    await page.goto(`${platform.consoleUrl}/audit/participants/${toApprove.participantId}`);
    await expect(page.locator('body')).not.toContainText(toApprove.participantName);
    await checkPage(page, 'audit-participant-masked');
    await page.getByLabel('Alasan membuka data pribadi').fill('   ');
    await page.getByRole('button', { name: 'Buka data pribadi' }).click();
    await expect(page.locator('#f-reason-error')).toBeVisible();
    await page.getByLabel('Alasan membuka data pribadi').fill('Pemeriksaan klaim JKM no. 12/2026');
    await page.getByRole('button', { name: 'Buka data pribadi' }).click();
    await expect(page.locator('#participant-name, body').first()).toContainText(
      toApprove.participantName,
    );
    await expect(page.locator('#reveal-log')).toContainText('Pemeriksaan klaim JKM no. 12/2026');
    await checkPage(page, 'audit-participant-revealed');
  });

  test('a rejection without a reason code and note is refused next to the fields; with them, a supervisor confirms it', async ({
    page,
  }) => {
    await as(page, claimsOfficer, `/claims/${toReject.claimId}`);
    const propose = () => page.getByRole('form', { name: 'Usulkan penolakan' });
    await propose().getByRole('button', { name: 'Usulkan penolakan' }).click();
    await expect(propose().getByText('Pilih kode alasan penolakan.')).toBeVisible();
    await expect(propose().getByText('Catatan penolakan wajib diisi.')).toBeVisible();
    await expect(propose().getByLabel('Catatan penolakan')).toHaveAttribute('aria-invalid', 'true');
    await checkPage(page, 'claim-rejection-refused');

    await propose().getByLabel('Kode alasan penolakan').selectOption('CLAIM_WITHDRAWN');
    await propose()
      .getByLabel('Catatan penolakan')
      .fill('Ahli waris mencabut klaim secara tertulis, surat 14/XII/2026.');
    await propose().getByRole('button', { name: 'Usulkan penolakan' }).click();
    await expect(page.getByText('Penolakan diusulkan; menunggu pemeriksa.')).toBeVisible();
    await signOut(page);

    await as(page, supervisor, `/claims/${toReject.claimId}`);
    await expect(section(page, 's-decision')).toContainText('14/XII/2026');
    await checkPage(page, 'claim-rejection-proposed');
    await page.getByRole('button', { name: 'Konfirmasi penolakan' }).click();
    await expect(page.getByText('Penolakan dikonfirmasi: klaim ditolak.')).toBeVisible();
    await untilShown(page, () =>
      expect(page.locator('.summary-list').first()).toContainText('Ditolak', { timeout: 2_000 }),
    );
  });

  test('intake: find a participant by NIK, then the JKM claim and accident report forms show each field error', async ({
    page,
  }) => {
    await as(page, claimsOfficer, '/claims');
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Cari peserta' })
      .click();
    await page.getByLabel('NIK').fill(toReject.nik);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const found = page.getByRole('row', { name: new RegExp(toReject.nik.slice(-4)) });
    await expect(found).toBeVisible();
    await checkPage(page, 'participant-search');

    await found.getByRole('link', { name: /Klaim JKM baru/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Klaim JKM baru');
    await page.getByRole('button', { name: 'Catat klaim JKM' }).click();
    // Refused without a claimant: the errors sit next to their fields, nothing was recorded.
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await expect(page.getByText('Klaim JKM dicatat.')).toHaveCount(0);
    await checkPage(page, 'intake-jkm');

    await page.goto(
      `${platform.consoleUrl}/accident-reports/new?participantId=${toReject.participantId}`,
    );
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Laporan kecelakaan kerja');
    await page.getByRole('button', { name: 'Catat laporan kecelakaan' }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
    await checkPage(page, 'intake-accident-report');
  });

  test('English renders on every page the officer uses', async ({ page }) => {
    await as(page, claimsOfficer, '/claims');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/queue/i);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await checkPage(page, 'work-queue-en');
    await page.goto(`${platform.consoleUrl}/claims/${toApprove.claimId}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Payout' })).toBeVisible();
    await checkPage(page, 'claim-detail-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });

  test('each role sees only its own navigation, and a page for another role is refused', async ({
    page,
  }) => {
    await as(page, auditor, '/audit');
    await page.goto(`${platform.consoleUrl}/`);
    await expect(page.getByRole('main').getByRole('link', { name: 'Audit' })).toBeVisible();
    await checkPage(page, 'home-auditor');
    await page.goto(`${platform.consoleUrl}/audit/claims/00000000-0000-4000-8000-000000000000`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidak ditemukan');
    await expectAccessible(page);
    await page.goto(`${platform.consoleUrl}/audit`);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Antrean kerja' })).toHaveCount(0);
    await page.goto(`${platform.consoleUrl}/claims`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
    await expectAccessible(page);
    await signOut(page);
    // Keycloak's session ended too: the console asks for a password again.
    await page.goto(`${platform.consoleUrl}/claims`);
    await expect(page.locator('#kc-form-login')).toBeVisible();
  });
});
