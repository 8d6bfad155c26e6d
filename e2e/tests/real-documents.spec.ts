/**
 * Real public eHDSI summaries served as QA patients (mocks/fixtures/MT/patients/corpus-*) and the French
 * (fr-LU) known-absence patient: what a clinician must see on documents the project did not write — the
 * narrative text behind nullFlavor values, absence statements as sentences (never rows, never alerts), and a
 * long medication list with its past treatments grouped — and a document about somebody else refused.
 */
import { expect, test, expectNoAxeViolations, signIn, openSummary } from './support';

test('nullFlavor allergies show the narrative text; absences are sentences, not rows (Malta, 0145052M)', async ({
  page,
}) => {
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'mt', '0145052M');
  // The agent is coded nullFlavor; what the clinician reads is the document's own words, in the table.
  await expect(
    page.getByRole('cell', { name: /Aspirin contraindicated \(H\/o perforated peptic ulcer\)/ }).first(),
  ).toBeVisible();
  // No allergy reads as "no information": each agent shows the words the document wrote.
  const allergies = page.getByRole('table', { name: /Allergies et intolérances/ }).first();
  await expect(allergies).toBeVisible();
  await expect(allergies.getByText(/Aucune information/)).toHaveCount(0);
  // "Drug treatment unknown" and "No current problems" are statements about their sections.
  for (const sentence of ['Traitement médicamenteux inconnu', 'Aucun problème de santé ni handicap actuel']) {
    await expect(page.getByText(sentence).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: sentence })).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});

test('a French (fr-LU) summary states its absences in French, outside tables and alerts', async ({ page }) => {
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'lu', '1961022831874');
  for (const sentence of ['Aucune allergie médicamenteuse connue', 'Aucune allergie alimentaire connue']) {
    await expect(page.getByText(sentence).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: sentence })).toHaveCount(0);
  }
  // The document's own French term of an unmapped concept is shown as French, not « non traduit ».
  await expect(
    page
      .getByText('Séquelles d’accident du travail, main droite')
      .or(page.getByText("Séquelles d'accident du travail, main droite"))
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a very long summary keeps every entry, past treatments in a collapsed group (Malta, 0245791M)', async ({
  page,
}) => {
  await signIn(page, 'medecin-generaliste');
  await openSummary(page, 'mt', '0245791M');
  const ref = new URL(page.url()).pathname.split('/')[2] as string;
  const { summary } = (await (await page.request.get(`/api/patients/${ref}/summary`)).json()) as {
    summary: { sections: { loinc?: string; entries: { type: string; timeline?: string }[] }[] };
  };
  const medications = summary.sections.find((section) => section.loinc === '10160-0')?.entries ?? [];
  const past = medications.filter((entry) => entry.timeline === 'past').length;
  expect(past).toBe(40);
  const group = page
    .locator('details')
    .filter({ hasText: new RegExp(`passés \\(${past}\\)`) })
    .first();
  await expect(group).toBeVisible();
  await expect(group).not.toHaveAttribute('open', '');
  await group.locator('summary').first().click();
  await expect(group).toHaveAttribute('open', '');
  await expectNoAxeViolations(page);
});

test('a document about somebody else is refused, nothing of it shown', async ({ page }) => {
  await signIn(page, 'medecin-generaliste');
  await page.goto('/recherche/pt');
  await page.getByRole('textbox').first().fill('573920184');
  await page.getByRole('button', { name: 'Rechercher le patient' }).click();
  await page.getByRole('link', { name: 'Confirmer et recueillir le consentement' }).click();
  for (const label of [/remis au patient la notice/, /a consenti/, /Je conserve la notice/])
    await page.getByText(label).click();
  await page.getByRole('button', { name: /Enregistrer le consentement/ }).click();
  await expect(
    page.getByText('Le document reçu ne concerne pas le patient identifié ; il n’est pas affiché.'),
  ).toBeVisible();
  await expect(page.getByText('João Pedro')).toHaveCount(0);
});
