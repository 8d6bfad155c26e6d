/**
 * Every shipped summary in the browser (complete, known-absence, FHIR and real-document patients of every live
 * country), one test each: the viewer shows every entry the BFF mapped — in its own row group, or as a
 * sentence for an absence statement — and no empty cell. Answers are read with the shared contracts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patientSearchResponseSchema, searchFormSchema, summaryResponseSchema } from '@sesali/shared';
import type { Page } from '@playwright/test';
import { expect, test, signIn } from './support';

const fixtures = fileURLToPath(new URL('../../mocks/fixtures', import.meta.url));
const ORIGIN = { origin: 'http://localhost:3100' };

interface PatientFile {
  identifiers: { root: string; extension: string }[];
  demographics: { birthDate?: string };
}

const SHOWN = /^(complete|known-absence|fhir|corpus-.+)$/;
const cases = readdirSync(fixtures)
  .filter((cc) => /^[A-Z]{2}$/.test(cc))
  .flatMap((cc) => {
    let folders: string[];
    try {
      folders = readdirSync(join(fixtures, cc, 'patients'));
    } catch {
      return [];
    }
    return folders.filter((folder) => SHOWN.test(folder)).map((folder) => ({ cc, folder }));
  });

// One logged-in page per worker, kept from test to test as a clinician's browser goes from one patient to the
// next: the SPA's files stay in its cache (a new context per test loaded and parsed them again each time). Each
// test still works alone: its own search, consent and page load; a failure ends the worker's page, not the run.
const it = test.extend<{ failOnPageError: void }, { summaryPage: Page }>({
  summaryPage: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, 'medecin-generaliste');
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  // Every test fails on an uncaught error in the page (support.ts's automatic fixture, on this shared page).
  failOnPageError: async ({ summaryPage }, use) => {
    const errors: string[] = [];
    const collect = (error: Error) => errors.push(error.message);
    summaryPage.on('pageerror', collect);
    await use();
    summaryPage.off('pageerror', collect);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

it('the shipped patients are all here', () => {
  expect(cases.length).toBeGreaterThanOrEqual(17);
});

for (const { cc, folder } of cases) {
  it(`${cc}/${folder}: every entry is shown, no cell is empty`, async ({ summaryPage: page }) => {
    const patient = JSON.parse(
      readFileSync(join(fixtures, cc, 'patients', folder, 'patient.json'), 'utf8'),
    ) as PatientFile;
    const form = searchFormSchema.parse(await (await page.request.get(`/api/countries/${cc}/search-form`)).json());
    const group = form.identifierGroups.findIndex((g) =>
      g.fields.every((f) => patient.identifiers.some((id) => id.root === f.domain)),
    );
    const values: Record<string, string> = {};
    for (const f of form.identifierGroups[group]?.fields ?? [])
      values[f.key] = patient.identifiers.find((id) => id.root === f.domain)?.extension ?? '';
    for (const f of form.otherFields)
      if (f.kind === 'birthDate' && patient.demographics.birthDate) values[f.key] = patient.demographics.birthDate;
    const found = await page.request.post('/api/patients/search', {
      data: { countryCode: cc, group, values },
      headers: ORIGIN,
    });
    expect(found.status()).toBe(200);
    const ref = patientSearchResponseSchema.parse(await found.json()).candidates[0]?.ref as string;
    const consent = await page.request.post(`/api/patients/${ref}/consent`, {
      data: {
        noticeLanguage: 'en',
        purposeOfUse: 'TREATMENT',
        attestations: { noticeGiven: true, consentSigned: true, noticeKept: true },
      },
      headers: ORIGIN,
    });
    expect(consent.status()).toBe(201);

    const { summary } = summaryResponseSchema.parse(
      await (await page.request.get(`/api/patients/${ref}/summary`)).json(),
    );
    const all = [...summary.sections, ...summary.unknownSections].flatMap((section) => section.entries);
    // Absence statements are sentences, never rows; every other entry is one row group.
    const absences = all.filter((entry) => entry.type === 'knownAbsence').length;

    await page.goto(`/patient/${ref}/synthese`);
    await expect(page.getByRole('region', { name: 'Alertes' })).toBeVisible();
    await expect(page.locator('table.sesali-entries > tbody')).toHaveCount(all.length - absences);
    expect(await page.locator('.sesali-absence').count()).toBeGreaterThanOrEqual(absences);
    const cells = await page.locator('table.sesali-entries td').allTextContents();
    expect(cells.filter((text) => text.trim() === '')).toEqual([]);
  });
}
