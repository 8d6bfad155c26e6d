import { euLanguages } from '@sesali/shared';
import { expect, test, expectNoAxeViolations } from './support';

test('the notice loads in all 24 EU languages', async ({ page }) => {
  for (const lang of euLanguages) {
    await page.goto(`/notice/${lang}`);
    await expect(page.locator(`article[lang="${lang}"] h1`)).toBeVisible();
    await expect(page.locator('article section')).toHaveCount(8);
  }
});

test('the notice prints on A4 without the site around it', async ({ page }, testInfo) => {
  await page.goto('/notice/pt');
  await expect(page.locator('article[lang="pt"] h1')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer la notice' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('notice-pt-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
