/**
 * Every shipped summary in the browser (complete, known-absence and FHIR patients of every live country): the
 * viewer shows every entry the BFF mapped — in its own row group, or as a sentence for an absence statement —
 * and no empty cell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, logInAs } from './support';

const fixtures = fileURLToPath(new URL('../../mocks/fixtures', import.meta.url));
const ORIGIN = { origin: 'http://localhost:3100' };

interface PatientFile {
  identifiers: { root: string; extension: string }[];
  demographics: { birthDate?: string };
}
interface SearchForm {
  identifierGroups: { fields: { key: string; domain?: string }[] }[];
  otherFields: { key: string; kind: string }[];
}

const cases = readdirSync(fixtures)
  .filter((cc) => /^[A-Z]{2}$/.test(cc))
  .flatMap((cc) =>
    ['complete', 'known-absence', 'fhir']
      .filter((folder) => {
        try {
          readFileSync(join(fixtures, cc, 'patients', folder, 'patient.json'));
          return true;
        } catch {
          return false;
        }
      })
      .map((folder) => ({ cc, folder })),
  );

test('every shipped summary shows every entry and no empty cell', async ({ page }) => {
  test.setTimeout(120_000);
  expect(cases.length).toBeGreaterThanOrEqual(15);
  await logInAs(page, 'medecin-generaliste');
  for (const { cc, folder } of cases) {
    const patient = JSON.parse(
      readFileSync(join(fixtures, cc, 'patients', folder, 'patient.json'), 'utf8'),
    ) as PatientFile;
    const form = (await (await page.request.get(`/api/countries/${cc}/search-form`)).json()) as SearchForm;
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
    expect(found.status(), `${cc}/${folder} search`).toBe(200);
    const ref = ((await found.json()) as { candidates: { ref: string }[] }).candidates[0]?.ref as string;
    const consent = await page.request.post(`/api/patients/${ref}/consent`, {
      data: {
        noticeLanguage: 'en',
        purposeOfUse: 'TREATMENT',
        attestations: { noticeGiven: true, consentSigned: true, noticeKept: true },
      },
      headers: ORIGIN,
    });
    expect(consent.status(), `${cc}/${folder} consent`).toBe(201);

    const { summary } = (await (await page.request.get(`/api/patients/${ref}/summary`)).json()) as {
      summary: { sections: { entries: { type: string }[] }[]; unknownSections: { entries: { type: string }[] }[] };
    };
    const all = [...summary.sections, ...summary.unknownSections].flatMap((section) => section.entries);
    // Absence statements are sentences, never rows; every other entry is one row group.
    const absences = all.filter((entry) => entry.type === 'knownAbsence').length;
    const entries = all.length - absences;

    await page.goto(`/patient/${ref}/synthese`);
    await expect(page.getByRole('region', { name: 'Alertes' }), `${cc}/${folder}`).toBeVisible();
    await expect(page.locator('table.sesali-entries > tbody'), `${cc}/${folder} rows`).toHaveCount(entries);
    expect(await page.locator('.sesali-absence').count(), `${cc}/${folder} absences`).toBeGreaterThanOrEqual(absences);
    const cells = await page.locator('table.sesali-entries td').allTextContents();
    expect(cells.length, `${cc}/${folder} cells`).toBeGreaterThan(0);
    expect(
      cells.filter((text) => text.trim() === ''),
      `${cc}/${folder} empty cells`,
    ).toEqual([]);
  }
});
