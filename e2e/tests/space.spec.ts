/**
 * « Mon espace »: the professional's identity and situation, and their own consultations as the audit trail
 * recorded them (a patient by country, initials and birth year only).
 */
import { expect, test, expectNoAxeViolations, signIn, openSummary } from './support';

test('a consultation appears in the professional’s own history, without the patient’s name', async ({ page }) => {
  // A professional no other journey consults with: the journeys run side by side, and another one's
  // consultation would otherwise be the newest row here.
  await signIn(page, 'sage-femme');
  await openSummary(page, 'hr', '168524093');
  await page.getByRole('link', { name: 'Mon espace' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace' })).toBeVisible();
  const history = page.getByRole('table');
  await expect(history.getByRole('row').filter({ hasText: 'Synthèse consultée' }).first()).toContainText('Croatie');
  await expect(history.getByRole('row').filter({ hasText: 'Synthèse consultée' }).first()).toContainText('I. B.');
  await expect(page.getByText('Babić')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
