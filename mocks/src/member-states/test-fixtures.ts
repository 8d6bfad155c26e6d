/**
 * Writes small fixture folders for tests, exactly as a QA engineer would drop them (country.json,
 * search-mask.xml, patients/<folder>/patient.json and documents).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountryFixture, PatientFixture } from './fixture-schemas';

export function writeCountry(
  root: string,
  country: Partial<CountryFixture> & { code: string },
  searchMask?: string,
): string {
  const dir = join(root, country.code);
  mkdirSync(join(dir, 'patients'), { recursive: true });
  const full: CountryFixture = {
    name: `Country ${country.code}`,
    nameFr: `Pays ${country.code}`,
    status: 'live',
    languages: ['en-GB'],
    homeCommunityId: '2.16.17.710.850.1000.990.1',
    purposesOfUse: ['TREATMENT'],
    down: false,
    ...country,
  };
  writeFileSync(join(dir, 'country.json'), JSON.stringify(full, null, 2));
  if (searchMask !== undefined) writeFileSync(join(dir, 'search-mask.xml'), searchMask);
  return dir;
}

export function writePatient(
  root: string,
  countryCode: string,
  folder: string,
  patient: Partial<PatientFixture> & Pick<PatientFixture, 'identifiers'>,
  files: Record<string, string | Buffer> = {},
): string {
  const dir = join(root, countryCode, 'patients', folder);
  mkdirSync(dir, { recursive: true });
  const full: PatientFixture = {
    demographics: {
      givenName: 'Test',
      familyName: folder.toUpperCase(),
      birthDate: '1970-01-01',
      administrativeGender: 'F',
    },
    serviceActivated: true,
    documents: [],
    ...patient,
  };
  writeFileSync(join(dir, 'patient.json'), JSON.stringify(full, null, 2));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
