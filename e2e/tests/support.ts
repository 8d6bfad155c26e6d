import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Every journey fails on an uncaught error in the page, whatever it was checking. */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export async function logInAs(page: Page, persona: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first().click();
  await expect(page.getByRole('heading', { name: 'Simulateur Pro Santé Connect' })).toBeVisible();
  await page.locator(`button[data-persona="${persona}"]`).click();
}
