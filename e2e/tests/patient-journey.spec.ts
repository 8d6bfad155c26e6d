/**
 * The professional's journey against the simulated member states (mocks/fixtures/SCENARIOS.md): country,
 * search mask, identification, confirmation, consent, then the country answers the document request.
 */
import type { Page } from '@playwright/test';
import { summaryResponseSchema } from '@sesali/shared';
import { expect, test, expectNoAxeViolations, signIn } from './support';

async function searchPortugal(page: Page, utente: string) {
  await page.getByRole('link', { name: 'Rechercher un patient' }).first().click();
  await expect(page).toHaveURL('/recherche');
  await page.getByLabel('Filtrer les pays').fill('portu');
  await page.getByRole('link', { name: /Portugal/ }).click();
  await expect(page).toHaveURL('/recherche/pt');
  await expect(page.getByRole('heading', { level: 1, name: 'Rechercher un patient : Portugal' })).toBeVisible();
  await page.getByRole('textbox').first().fill(utente);
  await page.getByRole('button', { name: 'Rechercher le patient' }).click();
}

test('search → confirm → consent: the country then answers the summary request', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await signIn(page, 'medecin-generaliste');
  await page.goto('/');
  await searchPortugal(page, '284613705');

  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer l’identité du patient' })).toBeVisible();
  await expect(page.getByText('Monteiro')).toBeVisible();
  await expectNoAxeViolations(page);
  const ref = new URL(page.url()).pathname.split('/')[2] as string;

  // Without consent the BFF refuses the documents.
  const before = await page.request.get(`/api/patients/${ref}/summary`);
  expect(before.status()).toBe(403);
  expect((await before.json()).code).toBe('consent_required');

  await page.getByRole('link', { name: 'Confirmer et recueillir le consentement' }).click();
  await expect(page).toHaveURL(`/patient/${ref}/consentement`);
  await expect(page.getByRole('link', { name: /Notice en portugais/ })).toHaveAttribute('href', '/notice/pt');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /Enregistrer le consentement/ }).click();
  await expect(page.getByText('Cette attestation est obligatoire.').first()).toBeVisible();
  for (const label of [/remis au patient la notice/, /a consenti/, /Je conserve la notice/])
    await page.getByText(label).click();
  await page.getByRole('button', { name: /Enregistrer le consentement/ }).click();
  await expect(page).toHaveURL(`/patient/${ref}/synthese`);

  const after = await page.request.get(`/api/patients/${ref}/summary`);
  expect(after.status()).toBe(200);
  expect(summaryResponseSchema.parse(await after.json()).summary.counts.mapped).toBeGreaterThan(0);
  // The national identifier never travelled in a URL.
  expect(requests.filter((url) => url.includes('284613705'))).toEqual([]);
});

test('each scenario patient gets its own French message, and the typed identifier is kept', async ({ page }) => {
  await signIn(page, 'medecin-generaliste');
  await page.goto('/');
  await searchPortugal(page, '999999999');
  await expect(page.getByText('Aucun patient ne correspond à ces informations dans ce pays.')).toBeVisible();
  await expect(page.getByText(/activé le service/).first()).toBeVisible();
  await expect(page.getByRole('textbox').first()).toHaveValue('999999999');
  await expectNoAxeViolations(page);

  await page.goto('/recherche/hr');
  await page.getByRole('textbox').first().fill('129045331');
  await page.getByRole('button', { name: 'Rechercher le patient' }).click();
  await expect(page.getByText(/n’a pas activé le service MaSanté@UE/)).toBeVisible();

  await page.goto('/recherche/ee');
  await page.getByRole('textbox').first().fill('48805141633');
  await page.getByRole('button', { name: 'Rechercher le patient' }).click();
  await expect(page.getByRole('link', { name: /C’est ce patient/ })).toHaveCount(2);
});
