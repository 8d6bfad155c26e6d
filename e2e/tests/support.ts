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

/**
 * Every axe rule on the page as it is; only violations are reported whole (`resultTypes`: for the other result
 * kinds axe keeps one element per rule, and skips the selectors of every element that passed).
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/** Logs in through the pages, as the professional does: the journeys about login itself use this. */
export async function logInAs(page: Page, persona: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first().click();
  await expect(page.getByRole('heading', { name: 'Simulateur Pro Santé Connect' })).toBeVisible();
  await page.locator(`button[data-persona="${persona}"]`).click();
}

/**
 * Logs in through Pro Santé Connect without the pages, for journeys about what comes after: the context's own
 * request client follows the same redirects (BFF login, simulator, callback), so the session cookie lands in
 * the browser. Two page loads fewer per journey; the login pages have their journeys (login, access).
 */
export async function signIn(page: Page, persona: string) {
  const personaPage = await page.request.get('/auth/login');
  expect(personaPage.status(), 'the simulator’s persona page').toBe(200);
  const landed = await page.request.post(`${personaPage.url()}/login`, { form: { persona } });
  expect(landed.status(), 'back on the SPA, logged in').toBe(200);
  expect(new URL(landed.url()).pathname).toBe('/');
}

/** Searches a patient by the identifiers typed in the country's form, records consent, and opens the summary. */
export async function openSummary(page: Page, country: string, ...identifiers: string[]) {
  await page.goto(`/recherche/${country}`);
  for (const [index, identifier] of identifiers.entries()) await page.getByRole('textbox').nth(index).fill(identifier);
  await page.getByRole('button', { name: 'Rechercher le patient' }).click();
  await page.getByRole('link', { name: 'Confirmer et recueillir le consentement' }).click();
  for (const label of [/remis au patient la notice/, /a consenti/, /Je conserve la notice/])
    await page.getByText(label).click();
  await page.getByRole('button', { name: /Enregistrer le consentement/ }).click();
  await expect(page).toHaveURL(/\/patient\/[\w-]+\/synthese$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Synthèse médicale du patient' })).toBeVisible();
}
