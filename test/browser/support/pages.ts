// What every browser test does around a page: sign in through Keycloak's real login form,
// check accessibility with axe, and keep a screenshot of each page for docs/console/.
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { BrowserUser } from './handle';

const SCREENSHOTS = path.resolve(__dirname, '../../../docs/console');

/** Opens the console, follows the redirect to Keycloak, signs in, and lands back on `path`. */
export async function signIn(
  page: Page,
  consoleUrl: string,
  user: BrowserUser,
  at = '/',
): Promise<void> {
  await page.goto(`${consoleUrl}${at}`);
  await expect(page.locator('#kc-form-login')).toBeVisible();
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(consoleUrl));
}

/** Signs out through the console's form, which also ends the Keycloak session. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('form[action="/auth/logout"] button[type="submit"]').click();
  await page.waitForLoadState('load');
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect(serious).toEqual([]);
}

/** Checks the page with axe and keeps its screenshot as docs/console/<name>.png. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
