/**
 * The session's lifetime in the browser, on the page's own clock (Playwright's clock, fast-forwarded): a
 * warning two minutes before the idle timeout with a way to stay, then « Session expirée » with nothing of the
 * patient left on screen.
 */
import { expect, test, expectNoAxeViolations, signIn, openSummary } from './support';

test('the idle warning lets the professional stay; idle again, the session expires and the patient is gone', async ({
  page,
}) => {
  await page.clock.install();
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'hr', '168524093');
  await expect(page.getByText('Babić').filter({ visible: true }).first()).toBeVisible();

  // 28 min 30 s without a request: 1 min 30 s before the 30-minute idle timeout.
  await page.clock.fastForward('28:30');
  const warning = page.getByRole('alertdialog', { name: 'Votre session va expirer' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('timer')).toHaveText(/^1\u00a0min\u00a0\d\d\u00a0s$/);
  await expect(warning.getByRole('button', { name: 'Rester connecté' })).toBeFocused();
  await expectNoAxeViolations(page);

  // Staying asks the BFF, which extends the session; the warning closes and the summary is still there.
  const extended = page.waitForResponse((response) => response.url().endsWith('/api/session'));
  await page.keyboard.press('Enter');
  expect((await extended).status()).toBe(200);
  await expect(warning).toBeHidden();
  await expect(page.getByText('Babić').filter({ visible: true }).first()).toBeVisible();

  // Idle past the timeout: the page says the session has expired and shows nothing of the patient any more.
  await page.clock.fastForward('31:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Session expirée' })).toBeVisible();
  await expect(page.getByText('Babić')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Se connecter|Se reconnecter/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
