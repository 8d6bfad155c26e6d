import { expect, test, expectNoAxeViolations, logInAs } from './support';

test('a médecin généraliste logs in, sees her name and organisation, then logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /synthèse médicale d’un patient européen/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await logInAs(page, 'medecin-generaliste');
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('professional')).toContainText('Claire MARTIN');
  await expect(page.getByTestId('situation')).toHaveText('Médecin — CABINET DR MARTIN');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  // Back from PSC's end-session endpoint, which adds the state we sent.
  await expect(page).toHaveURL(/^http:\/\/localhost:3100\/(\?state=[\w-]+)?$/);
  await expect(page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first()).toBeVisible();
  const session = await page.request.get('/api/session');
  expect(session.status()).toBe(401);
});

test('an infirmière hospitalière logs in and sees her name', async ({ page }) => {
  await logInAs(page, 'infirmiere-hospitaliere');
  await expect(page.getByTestId('professional')).toContainText('Inès BERNARD');
  await expect(page.getByTestId('situation')).toHaveText('Infirmier — CENTRE HOSPITALIER DE PARIS NORD');
});

test('a doctor with two activities chooses one, and sees it in the header', async ({ page }) => {
  await logInAs(page, 'medecin-deux-activites');
  await expect(page).toHaveURL('/situation');
  await expect(page.getByTestId('professional')).toContainText('Paul DURAND');
  await expectNoAxeViolations(page);
  // Nothing else is reachable before the choice.
  await page.goto('/');
  await expect(page).toHaveURL('/situation');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Choisissez une situation d’exercice.')).toBeVisible();
  await page.getByText('HOPITAL EDOUARD HERRIOT').click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByTestId('situation')).toHaveText('Médecin — HOPITAL EDOUARD HERRIOT');
});
