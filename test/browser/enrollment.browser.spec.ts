// Issue 14, items 4–5: in a real browser on the real platform, an enrollment officer registers
// a participant (a wrong NIK is refused next to its field first), designates heirs — a spouse,
// paid, and a child — registers a child for scholarships (a birth date in the future is
// refused next to its field first), finds the participant by NIK and by name, opens the
// participant's page (heirs with tier and payee, the child, the history), changes the declared
// income and corrects a detail, and at last records the death the family reported (a date
// before the birth is refused next to its field first). Every page is checked with axe in both
// languages and kept as a screenshot.
import { randomInt } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { browserPlatform } from './support/handle';
import { oeboboNik } from './support/nik';
import { checkPage, signIn, signOut } from './support/pages';

const platform = browserPlatform();
const { enrollmentOfficer, admin } = platform.users;

/** Asynchronous hops (projections, the coverage view) on a shared machine. */
const PATIENCE = { timeout: 180_000, intervals: [500, 1_000, 2_000] };

// Our own participant: Kota Kupang, Oebobo (537101), born 15 Aug 1990, a man; serials 2xxx are
// enrollment's. A surname of random letters makes the name search find this one alone.
const serial = randomInt(2001, 3000);
const nik = oeboboNik({ birthDate: '1990-08-15', sex: 'male', serial });
const letters = 'abcdefghijklmnopqrstuvwxyz';
const suffix = Array.from({ length: 6 }, () => letters[randomInt(0, 26)]).join('');
const surname = `Ndoen${suffix}`;
const fullName = `Yakobus ${surname}`;
const spouse = `Maria ${surname}`;
const heirChild = `Anastasia ${surname}`;
const scholarshipChild = `Benediktus ${surname}`;

async function untilShown(page: Page, assertion: () => Promise<void>): Promise<void> {
  let first = true;
  await expect(async () => {
    if (!first) await page.reload();
    first = false;
    await assertion();
  }).toPass(PATIENCE);
}

test.describe.serial('enrollment officer', () => {
  let participantUrl = '';

  test('registers a participant, designates heirs and registers a child, each refusal beside its field', async ({
    page,
  }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, '/enrollment/participants');
    await expect(page.getByRole('heading', { level: 1, name: 'Cari peserta' })).toBeVisible();
    await checkPage(page, 'enrollment-search');

    await page.getByRole('link', { name: 'Daftarkan peserta' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Daftarkan peserta' })).toBeVisible();
    await checkPage(page, 'enrollment-register');
    const form = page.getByRole('form', { name: 'Daftarkan peserta' });
    // A NIK one digit short: the service refuses it, and the refusal is shown at the NIK.
    await form.getByLabel('NIK').fill(nik.slice(0, 15));
    await form.getByLabel('Nama lengkap').fill(fullName);
    await form.getByLabel('Tanggal lahir').fill('1990-08-15');
    await form.getByLabel('Laki-laki').check();
    await form.getByLabel('Alamat (jalan, RT/RW, kelurahan)').fill('Jl. El Tari 10, Oebobo');
    await form.getByLabel('Kode kabupaten/kota').fill('5371');
    await form.getByLabel('Nomor telepon').fill('+6281234567890');
    await form.getByLabel('Pekerjaan').fill('nelayan');
    await form.getByLabel('Penghasilan yang dilaporkan per bulan').fill('1.000.000');
    await form.getByLabel('Berlaku mulai bulan').fill('2026-01');
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    await expect(page.locator('#f-nik-error')).toHaveText('Formatnya tidak sesuai.');
    await expect(page.locator('#f-nik')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-fullName')).toHaveValue(fullName);
    await checkPage(page, 'enrollment-register-refused');

    await page.locator('#f-nik').fill(nik);
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    // Registered: straight on to the heirs.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tetapkan ahli waris' }),
    ).toBeVisible();
    await expect(page.getByText('Peserta sudah didaftarkan.', { exact: false })).toBeVisible();
    participantUrl = page.url().replace(/\/heirs$/, '');

    const row = (n: number) => page.getByRole('group', { name: `Ahli waris ${n}` });
    await row(1).getByLabel('Nama lengkap').fill(spouse);
    await row(1).getByLabel('Hubungan dengan peserta').selectOption('spouse');
    await row(1).getByLabel('Tanggal lahir').fill('1992-03-05');
    await row(1).getByLabel('Kode bank').fill('BRI');
    await row(1).getByLabel('Nomor rekening').fill(`01230100${serial}567`);
    await row(1).getByLabel('Nama pemilik rekening').fill(spouse);
    await row(2).getByLabel('Nama lengkap').fill(heirChild);
    await row(2).getByLabel('Hubungan dengan peserta').selectOption('child');
    await row(2).getByLabel('Tanggal lahir').fill('2015-04-01');
    // Another row, without JavaScript: the form comes back with what was typed, and a row more.
    await page.getByRole('button', { name: 'Tambah baris' }).click();
    await expect(row(4)).toBeVisible();
    await expect(row(1).getByLabel('Nomor rekening')).toHaveValue(`01230100${serial}567`);
    await expect(row(2).getByLabel('Hubungan dengan peserta')).toHaveValue('child');
    await checkPage(page, 'enrollment-heirs');
    await page.getByRole('button', { name: 'Simpan ahli waris' }).click();
    await expect(page.getByText('Ahli waris sudah ditetapkan.')).toBeVisible();

    const heirs = page.locator('#participant-heirs');
    await expect(heirs.getByRole('row', { name: new RegExp(spouse) })).toContainText('Golongan 1');
    await expect(heirs.getByRole('row', { name: new RegExp(spouse) })).toContainText(
      'Penerima manfaat',
    );
    await expect(heirs.getByRole('row', { name: new RegExp(heirChild) })).toContainText(
      'Golongan 1',
    );
    await expect(heirs.getByRole('row', { name: new RegExp(heirChild) })).not.toContainText(
      'Penerima manfaat',
    );

    await page.getByRole('link', { name: 'Daftarkan anak untuk beasiswa' }).click();
    const child = page.getByRole('form', { name: 'Daftarkan anak untuk beasiswa' });
    await child.getByLabel('Nama lengkap').fill(scholarshipChild);
    await child.getByLabel('Tanggal lahir').fill('2099-01-01');
    await child.getByRole('button', { name: 'Daftarkan anak' }).click();
    await expect(page.locator('#f-birthDate-error')).toHaveText(
      'Tanggal lahir tidak boleh di masa depan.',
    );
    await expect(page.locator('#f-fullName')).toHaveValue(scholarshipChild);
    await checkPage(page, 'enrollment-child-refused');
    await page.locator('#f-birthDate').fill('2016-09-10');
    await page.getByRole('button', { name: 'Daftarkan anak' }).click();
    await expect(page.getByText('Anak sudah didaftarkan untuk beasiswa.')).toBeVisible();
    await expect(page.locator('#participant-children')).toContainText(scholarshipChild);
  });

  test('finds the participant by NIK and by name, and reads heirs, child and history', async ({
    page,
  }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, '/enrollment/participants');
    // Search reads the participant view, a projection that follows the events: on a busy
    // machine the officer may need to search again, as a person would.
    await untilShown(page, async () => {
      const byNik = page.getByRole('form', { name: 'Cari peserta' });
      await byNik.getByLabel('NIK').fill(nik);
      await byNik.getByRole('button', { name: 'Cari' }).click();
      await expect(
        page.locator('#search-results').getByRole('row', { name: new RegExp(fullName) }),
      ).toContainText(nik, { timeout: 2_000 });
    });
    // The NIK was POSTed: it is in no URL.
    expect(page.url()).not.toContain(nik);
    await checkPage(page, 'enrollment-search-results');

    await untilShown(page, async () => {
      const byName = page.getByRole('form', { name: 'Cari peserta' });
      await byName.getByLabel('NIK').fill('');
      await byName.getByLabel('Nama lengkap').fill(surname.toLowerCase());
      await byName.getByRole('button', { name: 'Cari' }).click();
      await expect(page.locator('#search-results').getByRole('row')).toHaveCount(2, {
        timeout: 2_000,
      });
    });
    await page.getByRole('link', { name: fullName }).click();
    expect(page.url()).toBe(participantUrl);

    await expect(page.locator('#participant-nik')).toHaveText(nik);
    await expect(page.locator('#participant-name')).toHaveText(fullName);
    const heirs = page.locator('#participant-heirs');
    await expect(heirs.getByRole('row', { name: new RegExp(spouse) })).toContainText('Suami/istri');
    await expect(heirs.getByRole('row', { name: new RegExp(spouse) })).toContainText(
      'Penerima manfaat',
    );
    await expect(heirs.getByRole('row', { name: new RegExp(heirChild) })).toContainText('Anak');
    await expect(page.locator('#participant-children')).toContainText(scholarshipChild);
    const history = page.locator('#participant-history');
    await expect(history.getByRole('row')).toHaveCount(4);
    await expect(history.getByRole('row').nth(1)).toContainText(`Didaftarkan: ${fullName}`);
    await expect(history.getByRole('row').nth(2)).toContainText('Ahli waris ditetapkan');
    await expect(history.getByRole('row').nth(3)).toContainText(
      `Anak didaftarkan untuk beasiswa: ${scholarshipChild}`,
    );
    // Who: the officer, named as they signed in here (Keycloak's display name).
    await expect(history.getByRole('row').nth(1)).toContainText('Anda (Eko Ndun)');
    await checkPage(page, 'enrollment-participant');
  });

  test('changes the declared income and corrects a detail', async ({ page }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, new URL(participantUrl).pathname);
    await page.getByRole('link', { name: 'Ubah penghasilan yang dilaporkan' }).click();
    await page.getByLabel('Penghasilan baru per bulan').fill('abc');
    await page.getByLabel('Berlaku mulai bulan').fill('2026-06');
    await page.getByRole('button', { name: 'Simpan penghasilan baru' }).click();
    await expect(page.locator('#f-declaredIncome-error')).toBeVisible();
    await checkPage(page, 'enrollment-income-refused');
    await page.getByLabel('Penghasilan baru per bulan').fill('1.500.000');
    await page.getByLabel('Berlaku mulai bulan').fill('2026-06');
    await page.getByRole('button', { name: 'Simpan penghasilan baru' }).click();
    await expect(page.getByText('Penghasilan yang dilaporkan sudah diubah.')).toBeVisible();
    await expect(page.locator('#participant-income')).toHaveText('Rp1.500.000');
    await expect(page.locator('#participant-history')).toContainText(
      'diubah dari Rp1.000.000 menjadi Rp1.500.000',
    );

    await page.getByRole('link', { name: 'Koreksi data peserta' }).click();
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect(page.locator('#f-reason-error')).toHaveText('Wajib diisi.');
    await checkPage(page, 'enrollment-details-refused');
    await page.getByLabel('Pekerjaan').fill('petani rumput laut');
    await page.getByLabel('Alasan koreksi').fill('pekerjaan sesuai KTP');
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await expect(page.getByText('Data peserta sudah dikoreksi.')).toBeVisible();
    await expect(page.locator('#participant-details')).toContainText('petani rumput laut');
    await expect(page.locator('#participant-history')).toContainText(
      'Alasan: pekerjaan sesuai KTP',
    );
  });

  test('a NIK registered with other details leads to its participant; another role sees personal data masked', async ({
    page,
  }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, '/enrollment/participants/new');
    const form = page.getByRole('form', { name: 'Daftarkan peserta' });
    await form.getByLabel('NIK').fill(nik);
    await form.getByLabel('Nama lengkap').fill(`Yohanes ${surname}`);
    await form.getByLabel('Tanggal lahir').fill('1990-08-15');
    await form.getByLabel('Laki-laki').check();
    await form.getByLabel('Alamat (jalan, RT/RW, kelurahan)').fill('Jl. Timor Raya 5');
    await form.getByLabel('Kode kabupaten/kota').fill('5371');
    await form.getByLabel('Nomor telepon').fill('+6281234567891');
    await form.getByLabel('Pekerjaan').fill('nelayan');
    await form.getByLabel('Penghasilan yang dilaporkan per bulan').fill('1000000');
    await form.getByLabel('Berlaku mulai bulan').fill('2026-01');
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    // The service answers 409 naming the participant: the officer lands on their page.
    await expect(page.locator('.notice.error')).toContainText(
      'NIK ini sudah terdaftar dengan data lain',
    );
    expect(page.url()).toBe(participantUrl);
    await expect(page.locator('#participant-name')).toHaveText(fullName);
    await signOut(page);

    // An administrator may open the page; the service discloses personal data to them masked.
    await signIn(page, platform.consoleUrl, admin, new URL(participantUrl).pathname);
    await expect(page.locator('#participant-nik')).toHaveText(`5371********${serial}`);
    await expect(page.locator('#participant-name')).toHaveText(`Y. ${surname[0]?.toUpperCase()}.`);
    await expect(page.locator('#participant-heirs')).not.toContainText(spouse);
    await expect(page.getByText('Data pribadi disamarkan untuk peran Anda')).toBeVisible();
    await checkPage(page, 'enrollment-participant-masked');
  });

  test('every enrollment page renders in English', async ({ page }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, '/enrollment/participants');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Find a participant' })).toBeVisible();
    await checkPage(page, 'enrollment-search-en');
    const path = new URL(participantUrl).pathname;
    const pages: [string, string, string][] = [
      ['/enrollment/participants/new', 'Register a participant', 'enrollment-register-en'],
      [path, `Participant: ${fullName}`, 'enrollment-participant-en'],
      [`${path}/heirs`, 'Designate heirs', 'enrollment-heirs-en'],
      [`${path}/children/new`, 'Register a child for scholarships', 'enrollment-child-en'],
      [`${path}/income`, 'Change the declared income', 'enrollment-income-en'],
      [`${path}/details`, 'Correct the participant’s details', 'enrollment-details-en'],
      [`${path}/death`, 'Record a death', 'enrollment-death-en'],
    ];
    for (const [at, title, screenshot] of pages) {
      await page.goto(`${platform.consoleUrl}${at}`);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await checkPage(page, screenshot);
    }
    await page.goto(`${platform.consoleUrl}${path}`);
    await expect(page.locator('#participant-heirs')).toContainText('Receives the benefits');
    await expect(page.locator('#participant-history')).toContainText('Heirs designated');
    // Two children are registered (the heirs' child is not one): a third would be refused by the
    // service, and that refusal is the page's notice.
    await page.goto(`${platform.consoleUrl}${path}/children/new`);
    await page.getByLabel('Full name').fill(`Clara ${surname}`);
    await page.getByLabel('Date of birth').fill('2019-01-01');
    await page.getByRole('button', { name: 'Register the child' }).click();
    await expect(page.getByText('The child has been registered for scholarships.')).toBeVisible();
    await page.goto(`${platform.consoleUrl}${path}/children/new`);
    await page.getByLabel('Full name').fill(`Dominikus ${surname}`);
    await page.getByLabel('Date of birth').fill('2020-01-01');
    await page.getByRole('button', { name: 'Register the child' }).click();
    await expect(page.locator('.notice.error')).toHaveText(
      'Two children are already registered for scholarships; no more can be added.',
    );
    await checkPage(page, 'enrollment-child-limit-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  });

  test('records a death the family reported, on its akta kematian; the page then shows it', async ({
    page,
  }) => {
    await signIn(page, platform.consoleUrl, enrollmentOfficer, new URL(participantUrl).pathname);
    await page.getByRole('link', { name: 'Catat kematian' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catat kematian' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Catat kematian' });
    // A day before the birth: the service refuses it, and the refusal is shown at the date.
    await form.getByLabel('Tanggal meninggal').fill('1990-08-14');
    await form.getByLabel('Nomor akta kematian').fill('5371-KM-14072026-0042');
    await form.getByRole('button', { name: 'Catat kematian' }).click();
    await expect(page.locator('#f-dateOfDeath-error')).toHaveText(
      'Tanggal meninggal tidak boleh sebelum tanggal lahir peserta.',
    );
    await expect(page.getByLabel('Nomor akta kematian')).toHaveValue('5371-KM-14072026-0042');
    await checkPage(page, 'enrollment-death');

    await page.getByLabel('Tanggal meninggal').fill('2026-07-14');
    await page.getByRole('button', { name: 'Catat kematian' }).click();
    await expect(page.getByText('Kematian peserta sudah dicatat.')).toBeVisible();
    // The status is the participant view's (a projection): it follows shortly.
    await untilShown(page, async () => {
      await expect(page.locator('#participant-details')).toContainText(
        'Meninggal dunia pada 14 Jul 2026',
      );
      await expect(page.locator('#participant-history')).toContainText(
        'Meninggal dunia pada 14 Jul 2026, dicatat petugas kepesertaan dari akta kematian nomor 5371-KM-14072026-0042.',
      );
    });
    // A death is recorded once: nothing more to record, nor income to change.
    await expect(page.getByRole('link', { name: 'Catat kematian' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Ubah penghasilan yang dilaporkan' })).toHaveCount(
      0,
    );
    await checkPage(page, 'enrollment-participant-deceased');
  });
});
