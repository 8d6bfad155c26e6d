import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueOf } from './catalogue';
import { loadTerminology } from './load';
import { ltrConcept as concept, ltrValueSet as valueSet } from '../testing/ltr-xml';

const ATC = '2.16.840.1.113883.6.73';
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'sesali-ltr-'));
  // A national export: a French designation for what the shipped catalogue has only in English…
  writeFileSync(
    join(directory, '1.3.6.1.4.1.12559.11.10.1.3.1.42.24.xml'),
    valueSet('1.3.6.1.4.1.12559.11.10.1.3.1.42.24', concept('N02BB02', ATC, { 'fr-FR': 'métamizole sodique' })),
  );
  // …and broken files, each reported with its path.
  writeFileSync(join(directory, 'truncated.xml'), '<ValueSet oid="1.2.3"><concept code="x"');
  writeFileSync(join(directory, 'not-ltr.xml'), '<html><body/></html>');
  writeFileSync(
    join(directory, 'entities.xml'),
    '<?xml version="1.0"?><!DOCTYPE v [<!ENTITY e "x">]><ValueSet oid="1.2.3"/>',
  );
  writeFileSync(
    join(directory, 'bad-concepts.xml'),
    valueSet(
      '1.2.3.4',
      concept('', ATC, { 'en-GB': 'no code' }) +
        concept('A01', 'not-an-oid', { 'en-GB': 'bad system' }) +
        concept('A02', ATC, {}) +
        concept('A03', ATC, { 'fr-FR': 'bon concept' }),
    ),
  );
  writeFileSync(join(directory, 'no-oid.xml'), '<ValueSet name="x"><concept code="a" codeSystem="1.2"/></ValueSet>');
  writeFileSync(join(directory, 'README.txt'), 'not a value set');
  mkdirSync(join(directory, 'sub.xml'));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('loadTerminology', () => {
  it('loads the MVC reference and the project’s French without a problem', async () => {
    const { catalogue, problems, files } = await loadTerminology();
    expect(problems).toEqual([]);
    expect(files).toEqual([
      expect.objectContaining({ source: 'mvc', count: 51 }),
      expect.objectContaining({ source: 'project', count: expect.any(Number) }),
    ]);
    expect(catalogue.conceptCount).toBeGreaterThan(25_000);
    expect(catalogue.designation('2.16.840.1.113883.6.96', '126485001')).toMatchObject({
      text: 'Urticaire',
      level: 'fr',
      source: 'project',
      valueSet: '1.3.6.1.4.1.12559.11.10.1.3.1.42.11',
    });
    // The MVC reference level: an ATC substance with no French yet, in English, from the MVC.
    expect(catalogue.designation(ATC, 'N03AG01')).toMatchObject({ text: 'valproic acid', level: 'en', source: 'mvc' });
    // ICD-10 from the MVC (which names it by the eHDSI OID), found under the HL7 OID too.
    expect(catalogue.designation('2.16.840.1.113883.6.3', 'J45')).toMatchObject({ text: 'Asthma', level: 'en' });
    // EDQM under its epSOS-era OID.
    expect(catalogue.designation('1.3.6.1.4.1.12559.11.10.1.3.1.44.1', '20035000')?.level).toBe('fr');
  });

  it('adds the operator’s directory, whose designations win, and reports every bad file with its path', async () => {
    const { catalogue, problems, files } = await loadTerminology({ extraDirectory: directory });
    expect(files.at(-1)).toEqual({ directory, source: 'national', count: 2 });
    expect(catalogue.designation(ATC, 'N02BB02')).toMatchObject({
      text: 'métamizole sodique',
      level: 'fr',
      source: 'national',
    });
    expect(catalogue.designation(ATC, 'A03')).toMatchObject({ text: 'bon concept' });

    const byFile = (name: string) => problems.filter((problem) => problem.path === join(directory, name));
    expect(byFile('truncated.xml')).toEqual([
      { path: join(directory, 'truncated.xml'), message: expect.stringMatching(/well-formed/) },
    ]);
    expect(byFile('not-ltr.xml')[0]?.message).toMatch(/not <ValueSet>/);
    expect(byFile('entities.xml')[0]?.message).toMatch(/DOCTYPE/);
    expect(byFile('no-oid.xml')[0]?.message).toMatch(/oid/);
    expect(byFile('bad-concepts.xml').map((problem) => problem.message)).toEqual([
      expect.stringMatching(/concept #1/),
      expect.stringMatching(/concept #2 .*codeSystem/),
      expect.stringMatching(/concept #3 .*no designation/),
    ]);
    expect(
      problems.filter((problem) => problem.path.endsWith('README.txt') || problem.path.endsWith('sub.xml')),
    ).toEqual([]);
  });

  it('reports a directory that cannot be read, and still loads the rest', async () => {
    const missing = join(directory, 'does-not-exist');
    const { catalogue, problems } = await loadTerminology({ extraDirectory: missing });
    expect(problems).toEqual([{ path: missing, message: expect.stringMatching(/cannot read the directory/) }]);
    expect(catalogue.conceptCount).toBeGreaterThan(25_000);
  });

  it('reports a missing or corrupt compact MVC, and still loads the French files', async () => {
    const corrupt = join(directory, 'mvc-corrupt.json');
    writeFileSync(corrupt, '{"format":"something else","valueSets":[]}');
    const { catalogue, problems } = await loadTerminology({ mvcFile: corrupt });
    expect(problems).toEqual([{ path: corrupt, message: expect.stringMatching(/cannot load the MVC reference/) }]);
    expect(catalogue.french('2.16.840.1.113883.6.96', '126485001')).toBe('Urticaire');
  });
});

describe('TerminologyCatalogue', () => {
  it('merges a concept met in several value sets and files, language by language', () => {
    const catalogue = catalogueOf([
      { oid: '2.25.1', concepts: [{ code: 'X', codeSystem: '1.2.3', designations: [{ lang: 'en-GB', text: 'ex' }] }] },
      {
        oid: '1.3.6.1.4.1.12559.11.10.1.3.1.42.5',
        concepts: [{ code: 'X', codeSystem: '1.2.3', designations: [{ lang: 'fr_FR', text: 'ixe' }] }],
      },
    ]);
    expect(catalogue.conceptCount).toBe(1);
    // MVC value set first; the French designation from the second file, the English one kept.
    expect(catalogue.designation('1.2.3', 'X')).toEqual({
      text: 'ixe',
      lang: 'fr_FR',
      level: 'fr',
      source: 'project',
      valueSet: '1.3.6.1.4.1.12559.11.10.1.3.1.42.5',
    });
  });

  it('takes another French variant when there is no fr-FR, and finds ICD-10 under either OID', () => {
    const catalogue = catalogueOf([
      {
        oid: '2.25.2',
        concepts: [
          {
            code: 'I10',
            codeSystem: '1.3.6.1.4.1.12559.11.10.1.3.1.44.2',
            designations: [{ lang: 'fr-BE', text: 'Hypertension essentielle' }],
          },
        ],
      },
    ]);
    expect(catalogue.designation('2.16.840.1.113883.6.3', 'I10')).toMatchObject({ lang: 'fr-BE', level: 'fr' });
    expect(catalogue.designation('urn:oid:1.3.6.1.4.1.12559.11.10.1.3.1.44.2', 'I10')?.level).toBe('fr');
    expect(catalogue.designation('2.16.840.1.113883.6.3', 'i10')).toBeUndefined();
  });
});
