// Issue 14, items 8–9 and "done when": in a real browser on the real platform, an administrator
// lists users, grants the newcomer a role through Keycloak's admin API (with her own token),
// sees the change recorded under her name, the newcomer's next sign-in carries the role, and
// the administrator revokes it again, recorded too. Creating a user with an existing username
// or an invalid email shows Keycloak's refusal next to the field; an administrator cannot take
// her own admin role away; a non-admin gets a 403 page at /admin. Both languages render; every
// page is checked with axe and kept as a screenshot. (The simulation clock page exists only in
// simulation mode, which this platform does not run in: its menu link must be absent.)
import { expect, test, type Page } from '@playwright/test';
import { browserPlatform, type BrowserUser } from './support/handle';
import { checkPage, expectAccessible, signIn, signOut } from './support/pages';

const platform = browserPlatform();
const { admin, newcomer, auditor } = platform.users;
const ADMIN_NAME = 'Hana Riwu';
/** Unique to this run of this spec, so a second run on the same platform creates new people. */
const stamp = Date.now().toString(36);

async function as(page: Page, user: BrowserUser, path: string): Promise<void> {
  await signIn(page, platform.consoleUrl, user, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

function section(page: Page, id: string) {
  return page.locator('section', { has: page.locator(`h2#${id}`) });
}

async function openUser(page: Page, username: string): Promise<void> {
  await page.goto(`${platform.consoleUrl}/admin/users`);
  await page.getByLabel('Cari pengguna').fill(username);
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await page
    .getByRole('row', { name: new RegExp(username) })
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pengguna ${username}`);
}

function roleRow(page: Page, role: string) {
  return section(page, 'roles-title').getByRole('row', { name: new RegExp(`^${role}`) });
}

test.describe.serial('administrators: users and roles', () => {
  test('an admin lists users, grants the newcomer a role, and the grant is recorded with her name', async ({
    page,
  }) => {
    await as(page, admin, '/admin/users');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengguna dan peran');
    // Keycloak's users, with their santunan roles: the admin herself holds admin.
    await expect(page.getByRole('row', { name: new RegExp(admin.username) })).toContainText(
      'admin',
    );
    await checkPage(page, 'admin-users');

    await openUser(page, newcomer.username);
    // A run stopped halfway on this platform may have left her the role: start from none.
    const revokeLeftover = page.getByRole('button', { name: 'Cabut peran petugas kepesertaan' });
    if ((await revokeLeftover.count()) > 0) {
      await revokeLeftover.click();
      await expect(page.getByRole('status')).toBeVisible();
      await page.reload();
    }
    await expect(roleRow(page, 'petugas kepesertaan')).toContainText('tidak');
    await checkPage(page, 'admin-user');
    await page.getByRole('button', { name: 'Berikan peran petugas kepesertaan' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Peran petugas kepesertaan diberikan kepada ${newcomer.username}.`,
    );
    await expect(roleRow(page, 'petugas kepesertaan')).toContainText('ya');
    const history = section(page, 'history-title');
    await expect(
      history
        .getByRole('row', { name: /memberikan peran/ })
        .filter({ hasText: ADMIN_NAME })
        .first(),
    ).toContainText('petugas kepesertaan');

    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', {
        name: 'Riwayat perubahan akses',
      })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riwayat perubahan akses');
    await expect(page.getByText(/Rantai hash utuh/)).toBeVisible();
    const grant = page
      .getByRole('row', { name: new RegExp(newcomer.username) })
      .filter({ hasText: 'memberikan peran' })
      .first();
    await expect(grant).toContainText(ADMIN_NAME);
    await expect(grant).toContainText('petugas kepesertaan');
    await checkPage(page, 'admin-changes');
    // Not in simulation mode: no clock page, no link to it.
    await expect(page.getByRole('link', { name: 'Jam simulasi' })).toHaveCount(0);
    await page.goto(`${platform.consoleUrl}/admin/clock`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidak ditemukan');
    await signOut(page);
  });

  test("the newcomer's next sign-in has the role, and /admin is refused to her", async ({
    page,
  }) => {
    await signIn(page, platform.consoleUrl, newcomer, '/auth/login');
    await expect(page.locator('.user-roles')).toContainText('petugas kepesertaan');
    await expect(page.getByText('Akun Anda belum memiliki peran')).toHaveCount(0);
    await page.goto(`${platform.consoleUrl}/admin`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
    await checkPage(page, 'admin-forbidden');
    await signOut(page);
  });

  test('the admin revokes the role again, recorded too; the newcomer signs in without it', async ({
    page,
  }) => {
    await as(page, admin, '/admin/users');
    await openUser(page, newcomer.username);
    await page.getByRole('button', { name: 'Cabut peran petugas kepesertaan' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Peran petugas kepesertaan dicabut dari ${newcomer.username}.`,
    );
    await expect(roleRow(page, 'petugas kepesertaan')).toContainText('tidak');
    await page.goto(`${platform.consoleUrl}/admin/changes`);
    const revoke = page
      .getByRole('row', { name: new RegExp(newcomer.username) })
      .filter({ hasText: 'mencabut peran' })
      .first();
    await expect(revoke).toContainText(ADMIN_NAME);
    await expect(revoke).toContainText('petugas kepesertaan');
    await signOut(page);

    await signIn(page, platform.consoleUrl, newcomer, '/auth/login');
    await expect(page.locator('.user-roles')).not.toContainText('petugas kepesertaan');
    await signOut(page);
  });

  test("creating a user: Keycloak's refusals beside the field, then a user created and disabled", async ({
    page,
  }) => {
    const username = `yosef-${stamp}`;
    await as(page, admin, '/admin/users/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tambah pengguna');
    await checkPage(page, 'admin-user-new');

    const fill = async (values: { username: string; email: string }) => {
      await page.getByLabel('Nama pengguna').fill(values.username);
      await page.getByLabel('Nama depan').fill('Yosef');
      await page.getByLabel('Nama belakang').fill('Bria');
      await page.getByLabel(/^Email/).fill(values.email);
      await page.getByLabel('Kata sandi awal').fill('kata-sandi-awal-yang-panjang');
      await page.getByLabel('auditor').check();
      await page.getByRole('button', { name: 'Buat pengguna' }).click();
    };
    // An existing username: Keycloak answers 409, shown next to the username.
    await fill({ username: newcomer.username, email: `${username}@santunan.test` });
    await expect(page.locator('#f-username-error')).toHaveText('Nama pengguna ini sudah dipakai.');
    await expect(page.getByLabel('Nama pengguna')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('auditor')).toBeChecked();
    await checkPage(page, 'admin-user-new-errors');
    // Not an email: Keycloak's user profile refuses it, shown next to the email.
    await fill({ username, email: 'bukan-alamat-email' });
    await expect(page.locator('#f-email-error')).toHaveText('Alamat email tidak valid.');
    await expect(page.locator('#f-username-error')).toHaveCount(0);

    await fill({ username, email: `${username}@santunan.test` });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pengguna ${username}`);
    await expect(roleRow(page, 'auditor')).toContainText('ya');
    await expect(page.getByText('harus mengganti kata sandi saat masuk')).toBeVisible();
    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await expect(page.getByRole('status')).toContainText(`Akun ${username} telah dinonaktifkan.`);
    const history = section(page, 'history-title');
    await expect(history.getByRole('row', { name: /menonaktifkan akun/ })).toContainText(
      ADMIN_NAME,
    );
    await expect(history.getByRole('row', { name: /membuat pengguna/ })).toContainText('auditor');
  });

  test('an admin cannot revoke her own admin role', async ({ page }) => {
    await as(page, admin, '/admin/users');
    await openUser(page, admin.username);
    await page.getByRole('button', { name: 'Cabut peran admin' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Anda tidak dapat mencabut peran admin Anda sendiri',
    );
    await expect(roleRow(page, 'admin')).toContainText('ya');
    await expectAccessible(page);
  });

  test('the pages in English, and the auditor reads the changes but not the users', async ({
    page,
  }) => {
    await as(page, admin, '/admin/users');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users and roles');
    await checkPage(page, 'admin-users-en');
    await page.getByLabel('Search users').fill(newcomer.username);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('row', { name: new RegExp(newcomer.username) })
      .getByRole('link')
      .click();
    await expect(
      page.getByRole('button', { name: 'Grant the enrollment officer role' }),
    ).toBeVisible();
    await checkPage(page, 'admin-user-en');
    await page.goto(`${platform.consoleUrl}/admin/users/new`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a user');
    await checkPage(page, 'admin-user-new-en');
    await page.goto(`${platform.consoleUrl}/admin/changes`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access changes');
    await checkPage(page, 'admin-changes-en');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await signOut(page);

    await as(page, auditor, '/admin/changes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riwayat perubahan akses');
    await expect(
      page.getByRole('row', { name: new RegExp(newcomer.username) }).first(),
    ).toContainText(ADMIN_NAME);
    await checkPage(page, 'admin-changes-auditor');
    await page.goto(`${platform.consoleUrl}/admin/users`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
    await expectAccessible(page);
  });
});
