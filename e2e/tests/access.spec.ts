import { expect, expectNoAxeViolations, test } from './support';

test('a médecin du travail is refused with the FAQ wording, and his cookie gets 403 on a protected route', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first().click();
  await page.locator('button[data-persona="medecin-du-travail"]').click();
  await expect(page).toHaveURL(/\/acces-refuse\?raison=occupational_medicine$/);
  await expect(page.getByTestId('refusal-reason')).toHaveText(/spécialité médecine du travail/);
  await expectNoAxeViolations(page);

  const response = await page.request.post('/api/session/situation', {
    data: { situationId: 'e0a0' },
    headers: { origin: 'http://localhost:3100' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: 'access_denied', reason: 'occupational_medicine' });

  await page.getByRole('link', { name: /Pourquoi ne puis-je pas me connecter/ }).click();
  await expect(page).toHaveURL('/aide#connexion-medecine-du-travail');
});

test('a card refused by Pro Santé Connect lands on the refusal page with the card text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first().click();
  await page.locator('button[data-persona="carte-revoquee"]').click();
  await expect(page).toHaveURL(/\/acces-refuse\?raison=card_refused$/);
  await expect(page.getByTestId('refusal-reason')).toHaveText(/carte CPS révoquée ou expirée/);
});

test.describe('on a phone', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  });

  test('the login is refused before any redirect to Pro Santé Connect', async ({ page }) => {
    const visited: string[] = [];
    page.on('request', (request) => visited.push(new URL(request.url()).port));
    await page.goto('/');
    await page.getByRole('link', { name: 'Se connecter avec Pro Santé Connect' }).first().click();
    await expect(page).toHaveURL(/\/acces-refuse\?raison=mobile_device$/);
    await expect(page.getByTestId('refusal-reason')).toHaveText(/appareil mobile/);
    expect(visited).not.toContain('4110');
  });
});
