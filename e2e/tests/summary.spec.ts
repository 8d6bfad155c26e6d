/**
 * Reading the Patient Summary in the browser, from the simulated member states: every section and entry,
 * the three translation levels, the original narrative, the original PDF, and the print view.
 */
import { expect, test, expectNoAxeViolations, signIn, openSummary } from './support';

test('the Croatian summary shows every section, the three translation levels, and prints', async ({
  page,
}, testInfo) => {
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'hr', '168524093');
  const ref = new URL(page.url()).pathname.split('/')[2] as string;
  const { summary } = (await (await page.request.get(`/api/patients/${ref}/summary`)).json()) as {
    summary: { sections: { titleFr: string; entries: unknown[] }[] };
  };
  for (const section of summary.sections) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(section.titleFr) }).first()).toBeVisible();
  }
  // French, English reference designation (metamizole), and the document's own term are all on screen.
  await expect(page.getByText('en anglais').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alertes' })).toBeVisible();
  await expect(page.locator('input, textarea, select')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByText(/le texte original n’a pas été traduit/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('summary-hr-print.png'), fullPage: true });
});

test('a summary with an untranslated code shows it marked, and the original PDF is offered', async ({ page }) => {
  await signIn(page, 'medecin-generaliste');
  // A vaccine coded nullFlavor whose Portuguese text is in the narrative: the document's words, marked.
  await openSummary(page, 'pt', '190447382');
  await expect(page.getByText('non traduit').first()).toBeVisible();

  await openSummary(page, 'pt', '301582946');
  const pdfLink = page.getByRole('link', { name: /Document original \(PDF\)/ });
  await expect(pdfLink).toBeVisible();
  const href = await pdfLink.getAttribute('href');
  const pdf = await page.request.get(href as string);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('the FHIR patient shows the same sections', async ({ page }) => {
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'lu', '1991060327252');
  for (const title of [/Allergies/, /Traitements|Médicaments/, /Problèmes/]) {
    await expect(page.getByRole('heading', { level: 2, name: title }).first()).toBeVisible();
  }
});
