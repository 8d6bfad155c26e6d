import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_MANIFEST, importTerminology, runTerminologyImport, TerminologyImportUsageError } from './import';
import { loadTerminology } from './load';
import { ltrConcept as concept, ltrValueSet as valueSet } from '../testing/ltr-xml';

const SNOMED = '2.16.840.1.113883.6.96';
const ATC = '2.16.840.1.113883.6.73';
const URTICARIA = '126485001';
/** The value set of the shipped French « Urticaire » (bff/terminology/fr). */
const ILLNESSES = '1.3.6.1.4.1.12559.11.10.1.3.1.42.11';
const MEDICINES = '1.3.6.1.4.1.12559.11.10.1.3.1.42.24';

const GOOD_FILES = {
  [`${ILLNESSES}.xml`]: valueSet(
    ILLNESSES,
    concept(URTICARIA, SNOMED, { 'en-GB': 'Urticaria', 'fr-FR': 'Urticaire (ANS)' }) +
      concept('38341003', SNOMED, { 'en-GB': 'Hypertensive disorder' }),
  ),
  [`${MEDICINES}.xml`]: valueSet(MEDICINES, concept('N02BB02', ATC, { 'fr-FR': 'métamizole sodique' })),
};
const BROKEN_FILES = {
  'truncated.xml': '<ValueSet oid="1.2.3"><concept code="x"',
  'entities.xml': '<?xml version="1.0"?><!DOCTYPE v [<!ENTITY e "x">]><ValueSet oid="1.2.3"/>',
};
const PARTIAL_FILE = {
  'partial.xml': valueSet(
    '2.25.7',
    concept('A01', 'not-an-oid', { 'fr-FR': 'système invalide' }) + concept('A02', ATC, { 'fr-FR': 'bon concept' }),
  ),
};

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sesali-import-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A folder of files under the test's root. */
function folder(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  mkdirSync(directory, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(directory, file), text);
  return directory;
}

/** Every file of a directory, byte for byte. */
const snapshot = (directory: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(directory)
      .sort()
      .map((name) => [name, readFileSync(join(directory, name)).toString('base64')]),
  );

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('importTerminology', () => {
  it('installs a valid export, which the BFF then reads as the national source over the shipped French', async () => {
    const source = folder('export', GOOD_FILES);
    const target = join(root, 'terminology');
    const report = await importTerminology({ source, target, now: () => new Date('2025-03-01T10:00:00Z') });

    expect(report.outcome).toBe('installed');
    expect(report.counts).toEqual({
      filesRead: 2,
      valueSetsValid: 2,
      valueSetsPartial: 0,
      filesInvalid: 0,
      concepts: 3,
      conceptsWithFrench: 2,
      problems: 0,
      skipped: 0,
    });
    // The files as delivered, plus the manifest; nothing left beside the target.
    expect(readdirSync(root).sort()).toEqual(['export', 'terminology']);
    expect(readdirSync(target).sort()).toEqual([`${ILLNESSES}.xml`, `${MEDICINES}.xml`, IMPORT_MANIFEST]);
    expect(readFileSync(join(target, `${MEDICINES}.xml`), 'utf8')).toBe(GOOD_FILES[`${MEDICINES}.xml`]);
    // Readable by the BFF's user, not private like a fresh temporary directory.
    expect(statSync(target).mode & 0o777).toBe(0o755);
    expect(statSync(join(target, `${MEDICINES}.xml`)).mode & 0o777).toBe(0o644);
    const manifest = JSON.parse(readFileSync(join(target, IMPORT_MANIFEST), 'utf8'));
    expect(manifest).toMatchObject({
      importedAt: '2025-03-01T10:00:00.000Z',
      source,
      counts: { concepts: 3, conceptsWithFrench: 2 },
      leftOut: [],
    });
    expect(manifest.files).toContainEqual(
      expect.objectContaining({
        name: `${ILLNESSES}.xml`,
        valueSet: ILLNESSES,
        sha256: sha256(GOOD_FILES[`${ILLNESSES}.xml`]),
      }),
    );

    const { catalogue, problems } = await loadTerminology({ extraDirectory: target });
    expect(problems).toEqual([]);
    expect(catalogue.designation(SNOMED, URTICARIA)).toMatchObject({
      text: 'Urticaire (ANS)',
      level: 'fr',
      source: 'national',
    });
    expect(catalogue.designation(ATC, 'N02BB02')).toMatchObject({ text: 'métamizole sodique', source: 'national' });
  });

  it('replaces a previous installation whole: a value set dropped from the export is gone', async () => {
    const target = join(root, 'terminology');
    await importTerminology({ source: folder('first', GOOD_FILES), target });
    const second = { [`${MEDICINES}.xml`]: GOOD_FILES[`${MEDICINES}.xml`] };
    await importTerminology({ source: folder('second', second), target });
    expect(readdirSync(target).sort()).toEqual([`${MEDICINES}.xml`, IMPORT_MANIFEST]);
    expect(readdirSync(root).sort()).toEqual(['first', 'second', 'terminology']);
  });

  it('refuses an export with a broken file, reporting each with its path, and leaves the installed one intact', async () => {
    const target = join(root, 'terminology');
    await importTerminology({ source: folder('first', GOOD_FILES), target });
    const before = snapshot(target);

    const source = folder('export', { ...GOOD_FILES, ...BROKEN_FILES });
    const report = await importTerminology({ source, target });

    expect(report.outcome).toBe('refused');
    expect(report.problems).toEqual([
      { path: join(source, 'entities.xml'), message: expect.stringMatching(/DOCTYPE/) },
      { path: join(source, 'truncated.xml'), message: expect.stringMatching(/well-formed/) },
    ]);
    expect(report.files.filter((file) => file.accepted)).toEqual([]);
    expect(snapshot(target)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['export', 'first', 'terminology']);
  });

  it('refuses an export with an invalid concept, naming the file and the concept', async () => {
    const source = folder('export', { ...GOOD_FILES, ...PARTIAL_FILE });
    const target = join(root, 'terminology');
    const report = await importTerminology({ source, target });
    expect(report.outcome).toBe('refused');
    expect(report.problems).toEqual([
      {
        path: join(source, 'partial.xml'),
        message: expect.stringMatching(/^concept #1 \(code "A01"\): codeSystem/),
      },
    ]);
    expect(readdirSync(root)).toEqual(['export']);
  });

  it('with allowPartial, installs the valid files and those with some invalid concepts, leaving the broken out', async () => {
    const source = folder('export', { ...GOOD_FILES, ...BROKEN_FILES, ...PARTIAL_FILE });
    const target = join(root, 'terminology');
    const report = await importTerminology({ source, target, allowPartial: true });

    expect(report.outcome).toBe('installed');
    expect(report.counts).toMatchObject({ filesRead: 5, valueSetsValid: 2, valueSetsPartial: 1, filesInvalid: 2 });
    expect(report.problems).toHaveLength(3);
    expect(readdirSync(target).sort()).toEqual([
      `${ILLNESSES}.xml`,
      `${MEDICINES}.xml`,
      IMPORT_MANIFEST,
      'partial.xml',
    ]);
    const manifest = JSON.parse(readFileSync(join(target, IMPORT_MANIFEST), 'utf8')) as { leftOut: { name: string }[] };
    expect(manifest.leftOut.map((file) => file.name)).toEqual(['entities.xml', 'truncated.xml']);

    const { catalogue } = await loadTerminology({ extraDirectory: target, mvcFile: null });
    expect(catalogue.designation(ATC, 'A02')).toMatchObject({ text: 'bon concept', source: 'national' });
  });

  it('with check, validates and reports without installing anything', async () => {
    const target = join(root, 'terminology');
    const report = await importTerminology({ source: folder('export', GOOD_FILES), target, check: true });
    expect(report.outcome).toBe('checked');
    expect(report.files.every((file) => file.accepted)).toBe(true);
    expect(readdirSync(root)).toEqual(['export']);
    // No target needed to check.
    const refused = await importTerminology({ source: folder('broken', BROKEN_FILES), check: true });
    expect(refused.outcome).toBe('refused');
  });

  it('skips and reports a symbolic link, never reading what it points to', async () => {
    const outside = folder('outside', { 'secret.xml': valueSet('2.25.9', concept('S', ATC, { 'fr-FR': 'dehors' })) });
    const source = folder('export', GOOD_FILES);
    symlinkSync(join(outside, 'secret.xml'), join(source, 'link.xml'));
    symlinkSync(outside, join(source, 'linked-folder'));
    writeFileSync(join(source, 'README.txt'), 'Export ANS');

    const target = join(root, 'terminology');
    const report = await importTerminology({ source, target });

    expect(report.outcome).toBe('installed');
    expect(report.skipped).toEqual([
      { path: join(source, 'link.xml'), message: 'symbolic link, not followed' },
      { path: join(source, 'linked-folder'), message: 'symbolic link, not followed' },
      { path: join(source, 'README.txt'), message: 'not an .xml file' },
    ]);
    expect(readdirSync(target)).not.toContain('link.xml');
    expect(readFileSync(join(target, IMPORT_MANIFEST), 'utf8')).not.toContain('2.25.9');
  });

  it('refuses targets it could not swap safely, before reading anything', async () => {
    const source = folder('export', GOOD_FILES);
    const real = folder('real', {});
    symlinkSync(real, join(root, 'link'));
    await expect(importTerminology({ source, target: join(root, 'link') })).rejects.toThrow(/symbolic link/);
    await expect(importTerminology({ source, target: join(root, 'missing', 'terminology') })).rejects.toThrow(
      TerminologyImportUsageError,
    );
    await expect(importTerminology({ source, target: root })).rejects.toThrow(/inside the target/);
    await expect(importTerminology({ source })).rejects.toThrow(/TERMINOLOGY_DIR/);
    expect(readdirSync(root).sort()).toEqual(['export', 'link', 'real']);
  });
});

describe('npm run terminology:import', () => {
  const run = async (argv: string[], env: Record<string, string | undefined> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTerminologyImport(
      argv,
      { INIT_CWD: root, ...env },
      {
        log: (line) => out.push(line),
        error: (line) => err.push(line),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('installs into --into, else TERMINOLOGY_DIR, and exits 0', async () => {
    folder('export', GOOD_FILES);
    const into = await run(['export', '--into', 'terminology']);
    expect(into).toMatchObject({ code: 0, err: '' });
    expect(into.out).toMatch(/Files read: 2\nValue sets valid: 2/);
    expect(into.out).toContain(`Installed 2 value sets into ${join(root, 'terminology')}`);

    const fromEnv = await run(['export'], { TERMINOLOGY_DIR: join(root, 'other') });
    expect(fromEnv.code).toBe(0);
    expect(readdirSync(join(root, 'other'))).toContain(IMPORT_MANIFEST);
  });

  it('exits 1 when refused, printing each problem with its path', async () => {
    const source = folder('export', { ...GOOD_FILES, ...BROKEN_FILES });
    const { code, out, err } = await run(['export', '--into', 'terminology']);
    expect(code).toBe(1);
    expect(out).toContain(`problem: ${join(source, 'truncated.xml')}: `);
    expect(err).toMatch(/^Refused: 2 problems found: nothing installed\. .*--allow-partial/);
    expect(readdirSync(root)).toEqual(['export']);
  });

  it('exits 0 on a passing check, installing nothing', async () => {
    folder('export', GOOD_FILES);
    const { code, out } = await run(['export', '--check']);
    expect(code).toBe(0);
    expect(out).toContain('Check passed: 2 value sets would be installed');
    expect(readdirSync(root)).toEqual(['export']);
  });

  it('exits 2 on a usage error: no target, no folder, an unknown option, a relative TERMINOLOGY_DIR', async () => {
    folder('export', GOOD_FILES);
    expect(await run(['export'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--into <directory> or set TERMINOLOGY_DIR/),
    });
    expect((await run([])).code).toBe(2);
    expect((await run(['export', '--into', 'x', '--force'])).code).toBe(2);
    expect((await run(['does-not-exist', '--into', 'x'])).code).toBe(2);
    expect((await run(['export'], { TERMINOLOGY_DIR: 'terminology' })).err).toMatch(/TERMINOLOGY_DIR is relative/);
    expect(readdirSync(root)).toEqual(['export']);
  });
});
