/**
 * Reads the simulated member states from fixture folders: the shipped mocks/fixtures, plus the folder named by
 * MOCKS_FIXTURES_DIR, where a QA engineer drops a country or a patient. Re-read when a folder changes, so a new
 * patient is found without a restart. A bad file is reported with its path and problem and left out; the rest
 * keeps working.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  countryFixtureSchema,
  patientFixtureSchema,
  type CountryFixture,
  type PatientFixture,
} from './fixture-schemas';

export interface FixturePatient extends PatientFixture {
  /** `<CC>/<folder>`, for messages. */
  key: string;
  dir: string;
}

export interface FixtureCountry extends CountryFixture {
  searchMaskFile: string | undefined;
  patients: FixturePatient[];
}

export interface FixtureProblem {
  file: string;
  problem: string;
}

export interface FixtureSnapshot {
  countries: Map<string, FixtureCountry>;
  problems: FixtureProblem[];
}

const COUNTRY_DIR = /^[A-Z]{2}$/;

function readJson<S extends z.ZodType>(file: string, schema: S, problems: FixtureProblem[]): z.infer<S> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ file, problem: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push({
      file,
      problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    });
    return undefined;
  }
  return parsed.data;
}

function subdirectories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function readPatients(countryDir: string, code: string, problems: FixtureProblem[]): FixturePatient[] {
  const patientsDir = join(countryDir, 'patients');
  const patients: FixturePatient[] = [];
  for (const folder of subdirectories(patientsDir)) {
    const dir = join(patientsDir, folder);
    const file = join(dir, 'patient.json');
    if (!existsSync(file)) {
      problems.push({ file, problem: 'missing patient.json' });
      continue;
    }
    const patient = readJson(file, patientFixtureSchema, problems);
    if (!patient) continue;
    const missing = patient.documents.filter((d) => !existsSync(join(dir, d.file)));
    if (missing.length > 0) {
      problems.push({ file, problem: `document file not found: ${missing.map((d) => d.file).join(', ')}` });
      continue;
    }
    patients.push({ ...patient, key: `${code}/${folder}`, dir });
  }
  return patients;
}

export function loadFixtures(dirs: readonly string[]): FixtureSnapshot {
  const countries = new Map<string, FixtureCountry>();
  const problems: FixtureProblem[] = [];
  for (const root of dirs) {
    if (!existsSync(root)) {
      problems.push({ file: root, problem: 'fixtures folder not found' });
      continue;
    }
    for (const folder of subdirectories(root)) {
      const countryDir = join(root, folder);
      if (!COUNTRY_DIR.test(folder)) {
        problems.push({ file: countryDir, problem: 'not a country folder (expected two upper-case letters, e.g. PT)' });
        continue;
      }
      const countryFile = join(countryDir, 'country.json');
      let country = countries.get(folder);
      if (existsSync(countryFile)) {
        const parsed = readJson(countryFile, countryFixtureSchema, problems);
        if (!parsed) continue;
        if (parsed.code !== folder) {
          problems.push({ file: countryFile, problem: `code ${parsed.code} does not match its folder ${folder}` });
          continue;
        }
        country = { ...parsed, searchMaskFile: country?.searchMaskFile, patients: country?.patients ?? [] };
      } else if (!country) {
        problems.push({ file: countryFile, problem: 'unknown country: add a country.json' });
        continue;
      }
      const mask = join(countryDir, 'search-mask.xml');
      if (existsSync(mask)) country.searchMaskFile = mask;
      else if (!country.searchMaskFile && country.status === 'live') {
        problems.push({ file: mask, problem: 'missing search mask of a live country' });
      }
      country.patients = [...country.patients, ...readPatients(countryDir, folder, problems)];
      countries.set(folder, country);
    }
  }
  return { countries, problems };
}

/**
 * What the folders hold, as one text: every folder and file below them with its modification time and size. A
 * new, removed or renamed entry changes it even within one tick of the file system's clock (a folder's time
 * alone misses a patient dropped in the same tick as the last), and so does a file edited in place, which
 * leaves its folder's time alone.
 */
function fingerprint(dirs: readonly string[]): string {
  const parts: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone or unreadable: loadFixtures reports it
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      try {
        const { mtimeMs, size } = statSync(path);
        parts.push(`${path}\0${mtimeMs}\0${size}`);
      } catch {
        continue; // removed meanwhile
      }
      if (entry.isDirectory() && depth < 4) visit(path, depth + 1);
    }
  };
  dirs.forEach((dir) => {
    parts.push(`${dir}\0${existsSync(dir)}`);
    visit(dir, 0);
  });
  return parts.join('\n');
}

/** How often the simulators and the dev server look for a QA engineer's new or changed fixture. */
export const FIXTURES_RECHECK_MS = 1000;

export interface FixtureStore {
  snapshot(): FixtureSnapshot;
}

/**
 * Keeps the last snapshot while nothing below the folders changed; `onProblems` hears each new set of problems once (the dev
 * server logs them for the QA engineer). The folders are walked again at most every `recheckAfterMs` (0: on
 * every call, for tests that write a fixture and query it at once): the walk reads every folder, which under
 * load cost the simulators a quarter of their CPU.
 */
export function createFixtureStore(
  dirs: readonly string[],
  onProblems?: (problems: FixtureProblem[]) => void,
  { recheckAfterMs = 0 }: { recheckAfterMs?: number } = {},
): FixtureStore {
  let cached: { fingerprint: string; snapshot: FixtureSnapshot } | undefined;
  let checkedAt = 0;
  return {
    snapshot() {
      const now = Date.now();
      // A clock set back counts as time passed, so a check is never skipped for longer than asked.
      if (cached && now >= checkedAt && now - checkedAt < recheckAfterMs) return cached.snapshot;
      checkedAt = now;
      const seen = fingerprint(dirs);
      if (!cached || seen !== cached.fingerprint) {
        const snapshot = loadFixtures(dirs);
        cached = { fingerprint: seen, snapshot };
        if (snapshot.problems.length > 0) onProblems?.(snapshot.problems);
      }
      return cached.snapshot;
    },
  };
}
