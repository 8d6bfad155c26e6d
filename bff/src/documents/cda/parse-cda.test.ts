import { patientSummarySchema, type Entry, type EntryOf, type PatientSummary } from '@sesali/shared';
import { readFileSync } from 'node:fs';
import type { TerminologyCatalogue } from '../../terminology/catalogue';
import { loadTerminology } from '../../terminology/load';
import { readPatientSummary } from '../read-summary';
import {
  cdaDocument,
  cdaSection,
  codedValues,
  documentError,
  fixtureUrl,
  l3Fixtures,
  narrativeNodes,
  readFixture,
} from '../testing/fixtures';
import { parseCdaPatientSummary } from './parse-cda';

let catalogue: TerminologyCatalogue;
beforeAll(async () => {
  const loaded = await loadTerminology();
  catalogue = loaded.catalogue;
});

const read = (relative: string): PatientSummary => readPatientSummary(readFixture(relative), 'text/xml', catalogue);

const entriesOf = (summary: PatientSummary, loinc: string): Entry[] =>
  summary.sections.find((section) => section.loinc === loinc)?.entries ?? [];

function only<T extends Entry['type']>(entries: Entry[], type: T): EntryOf<T>[] {
  return entries.filter((entry): entry is EntryOf<T> => entry.type === type);
}

const ACT_STATUS = '2.16.840.1.113883.5.14';
const ACT_MOOD = '2.16.840.1.113883.5.1001';
const ROLE_CLASS = '2.16.840.1.113883.5.110';

/** The five codes SCENARIOS.md keeps out of the French catalogue on purpose. */
const NOT_FRENCH_ON_PURPOSE = new Set(['N02BB02', '6012004', '20067000', 'M79.7', 'A11CC05']);

describe('every L3 fixture', () => {
  const fixtures = l3Fixtures();

  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures)('%s parses into a valid model where no entry was dropped', (path) => {
    const summary = read(path);
    expect(patientSummarySchema.safeParse(summary).success).toBe(true);
    expect(summary.sections.length).toBeGreaterThanOrEqual(5);
    for (const section of [...summary.sections, ...summary.unknownSections])
      expect(section.counts.mapped).toBe(section.counts.seen);
    // Counted apart from the parser: every <entry> element of the file is in the model.
    const entryElements = readFileSync(fixtureUrl(path), 'utf8').match(/<entry[\s>]/g)?.length ?? 0;
    const modelEntries = summary.sections.reduce((sum, section) => sum + section.entries.length, 0);
    expect(summary.counts).toEqual({ seen: entryElements, mapped: entryElements });
    expect(modelEntries).toBe(entryElements);
  });

  // The project's own fixtures are written to be French throughout; the real documents served as QA patients
  // (corpus-*) are measured by the corpus tests instead.
  const ownFixtures = fixtures.filter((path) => !path.includes('/corpus-'));
  it.each(ownFixtures)('%s has a non-empty display on every coded value, French unless kept out on purpose', (path) => {
    const summary = read(path);
    for (const { value, path: where } of codedValues(summary)) {
      expect({ where, text: value.display.text.trim().length > 0 }).toEqual({ where, text: true });
    }
    for (const section of summary.sections)
      for (const { value, path: where } of codedValues(section.entries)) {
        if (value.code === undefined || NOT_FRENCH_ON_PURPOSE.has(value.code)) continue;
        expect({ where, code: value.code, level: value.display.level }).toEqual({
          where,
          code: value.code,
          level: 'fr',
        });
      }
  });

  it.each(fixtures)('%s keeps the narrative IDs its entries point to', (path) => {
    const summary = read(path);
    for (const section of summary.sections) {
      const ids = new Set(narrativeNodes(section.narrative).flatMap((node) => node.attributes?.id ?? []));
      for (const entry of section.entries)
        if (entry.narrativeRef !== undefined)
          expect({ ref: entry.narrativeRef, found: ids.has(entry.narrativeRef) }).toEqual({
            ref: entry.narrativeRef,
            found: true,
          });
    }
  });
});

describe('translation levels (SCENARIOS.md)', () => {
  it('shows metamizole (N02BB02) in English, marked en', () => {
    const [allergy] = only(entriesOf(read('HR/patients/complete/ps-l3.xml'), '48765-2'), 'allergy');
    expect(allergy?.agent).toMatchObject({
      code: 'N02BB02',
      originalDisplay: 'metamizol natrij',
      display: { text: 'metamizole sodium', lang: 'en-GB', level: 'en' },
    });
  });

  it('shows the hearing aid (6012004) in English', () => {
    const devices = only(entriesOf(read('LU/patients/complete/ps-l3.xml'), '46264-8'), 'device');
    expect(devices.map((device) => device.code)).toContainEqual(
      expect.objectContaining({
        code: '6012004',
        display: expect.objectContaining({ text: 'Hearing aid', lang: 'en-GB', level: 'en' }),
      }),
    );
  });

  it('shows the sublingual route (20067000) in French, from the project’s translation of the whole value set', () => {
    const medications = only(entriesOf(read('PT/patients/complete/ps-l3.xml'), '10160-0'), 'medication');
    expect(medications.map((medication) => medication.route)).toContainEqual(
      expect.objectContaining({
        code: '20067000',
        display: { text: 'Voie sublinguale', lang: 'fr-FR', level: 'fr', source: 'project' },
      }),
    );
  });

  it('shows fibromyalgia (M79.7) and colecalciferol (A11CC05) in the MVC’s English', () => {
    const summary = read('ES/patients/complete/ps-l3.xml');
    const problems = only(entriesOf(summary, '11450-4'), 'problem');
    expect(problems.map((problem) => problem.code)).toContainEqual(
      expect.objectContaining({
        code: 'M79.7',
        display: expect.objectContaining({ lang: 'en-GB', level: 'en', source: 'mvc' }),
      }),
    );
    const medications = only(entriesOf(summary, '10160-0'), 'medication');
    expect(medications.flatMap((medication) => medication.reasons)).toContainEqual(
      expect.objectContaining({ code: 'M79.7', display: expect.objectContaining({ level: 'en' }) }),
    );
    expect(medications.map((medication) => medication.product.code)).toContainEqual(
      expect.objectContaining({
        code: 'A11CC05',
        display: expect.objectContaining({ lang: 'en-GB', level: 'en', source: 'mvc' }),
      }),
    );
  });

  it('gives French everywhere else, e.g. the blood group and the section titles', () => {
    const summary = read('HR/patients/complete/ps-l3.xml');
    const [, bloodGroup] = only(entriesOf(summary, '30954-2'), 'result');
    const value = bloodGroup?.observations[0]?.value;
    expect(value?.kind === 'coded' && value.coded.display.level).toBe('fr');
    expect(summary.sections.map((section) => section.titleFr)).toContain('Allergies et réactions indésirables');
    expect(summary.sections[0]?.title).toBe('Alergije i preosjetljivosti');
  });
});

describe('missing data', () => {
  const knownAbsencePatients = ['CZ', 'EE', 'ES', 'HR', 'LU', 'MT', 'PT'].map(
    (cc) => `${cc}/patients/known-absence/ps-l3.xml`,
  );
  const MANDATORY = ['48765-2', '10160-0', '11450-4', '47519-4', '46264-8'];

  it.each(knownAbsencePatients)('%s: the five mandatory sections hold known-absence entries in French', (path) => {
    const summary = read(path);
    for (const loinc of MANDATORY) {
      const entries = entriesOf(summary, loinc);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.type).toBe('knownAbsence');
        if (entry.type !== 'knownAbsence') continue;
        expect(entry.code.codeSystem).toBe('2.16.840.1.113883.5.1150.1');
        expect(entry.code.display).toMatchObject({ lang: 'fr-FR', level: 'fr' });
      }
    }
  });

  it('words known absences in French', () => {
    const summary = read('HR/patients/known-absence/ps-l3.xml');
    const texts = MANDATORY.flatMap((loinc) => entriesOf(summary, loinc)).map((entry) =>
      entry.type === 'knownAbsence' ? entry.code.display.text : '',
    );
    expect(texts).toContain('Aucune allergie connue');
    expect(texts.every((text) => !/Nema|poznat/.test(text))).toBe(true);
  });

  it.each(knownAbsencePatients)('%s: an unmapped concept (OTH) shows the national term', (path) => {
    const [pastIllness] = only(entriesOf(read(path), '11348-0'), 'problem');
    const code = pastIllness?.code;
    const national = code?.translations?.[0];
    expect(code?.nullFlavor).toBe('OTH');
    expect(national?.displayName).toBeDefined();
    // The document's own words: its original text when it has one, else the national term.
    expect(code?.originalText).toBeDefined();
    expect(code?.display.text).toBe(code?.originalText);
    expect(code?.display.source).toBe('document');
  });

  it('keeps the Croatian national code of the OTH value', () => {
    const [pastIllness] = only(entriesOf(read('HR/patients/known-absence/ps-l3.xml'), '11348-0'), 'problem');
    expect(pastIllness?.code).toMatchObject({
      nullFlavor: 'OTH',
      translations: [
        expect.objectContaining({ code: 'U09.9', displayName: 'Stanje nakon bolesti COVID-19, nespecificirano' }),
      ],
      display: { text: 'Stanje nakon bolesti COVID-19, nespecificirano', lang: 'hr-HR', level: 'original' },
    });
  });

  it('shows the narrative text a nullFlavor value points at, keeping the nullFlavor (vaccine UNK)', () => {
    const [immunization] = only(entriesOf(read('PT/patients/known-absence/ps-l3.xml'), '11369-6'), 'immunization');
    expect(immunization?.vaccine.nullFlavor).toBe('UNK');
    expect(immunization?.vaccine.narrativeRef).toBeDefined();
    expect(immunization?.vaccine.display).toMatchObject({ lang: 'pt-PT', level: 'original', source: 'document' });
  });

  it('words a nullFlavor without any text as a French phrase with the code', () => {
    const summary = parseCdaPatientSummary(
      cdaDocument(
        cdaSection(
          '11369-6',
          'Vacinas',
          '<paragraph>-</paragraph>',
          '<entry><substanceAdministration classCode="SBADM" moodCode="EVN"><consumable><manufacturedProduct><manufacturedMaterial><code nullFlavor="UNK"/></manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration></entry>',
        ),
      ),
    );
    const [immunization] = only(summary.sections[0]?.entries ?? [], 'immunization');
    expect(immunization?.vaccine.display).toMatchObject({ lang: 'fr-FR', level: 'absent' });
    expect(immunization?.vaccine.display.text).toMatch(/\(UNK\)$/);
  });

  it('keeps a telecom given as nullFlavor', () => {
    const { patient } = read('HR/patients/known-absence/ps-l3.xml').header;
    expect(patient.telecoms).toContainEqual(expect.objectContaining({ nullFlavor: 'NI' }));
  });
});

describe('header', () => {
  it('reads the patient, the author, the custodian and the legal authenticator', () => {
    const { header } = read('HR/patients/complete/ps-l3.xml');
    expect(header).toMatchObject({
      title: 'Sažetak o pacijentu',
      language: 'hr-HR',
      country: 'HR',
      creationDate: '2026-10-02T10:15:00+00:00',
      documentId: { root: '2.16.191.1.100.1000.990.3.1.1' },
    });
    expect(header.patient).toMatchObject({
      identifiers: [{ root: '2.16.840.1.113883.2.7.2.2', extension: '168524093' }],
      names: [expect.objectContaining({ given: ['Ivan'], family: ['Babić'] })],
      birthDate: '1956-03-14',
      gender: expect.objectContaining({ code: 'M', display: expect.objectContaining({ level: 'fr' }) }),
      addresses: [expect.objectContaining({ city: 'Zagreb', country: 'HR' })],
      telecoms: [
        { system: 'phone', value: '+385912345678', use: 'HP' },
        { system: 'email', value: 'ivan.babic@example.hr', use: 'HP' },
      ],
    });
    expect(header.authors[0]).toMatchObject({
      kind: 'person',
      name: expect.objectContaining({ family: ['Kovač'], prefix: ['dr. med.'] }),
      organisation: expect.objectContaining({ name: 'Dom zdravlja Zagreb – Centar' }),
    });
    expect(header.custodian?.name).toBe('Hrvatski zavod za zdravstveno osiguranje – CEZIH');
    expect(header.legalAuthenticator?.name?.family).toEqual(['Kovač']);
    expect(header.contacts.map((contact) => contact.classCode)).toEqual(['PRS', 'ECON']);
    // The role class is also a coded value, translated like any other.
    expect(header.contacts.map((contact) => contact.role)).toEqual([
      expect.objectContaining({
        code: 'PRS',
        codeSystem: ROLE_CLASS,
        display: expect.objectContaining({ level: 'fr' }),
      }),
      expect.objectContaining({
        code: 'ECON',
        codeSystem: ROLE_CLASS,
        display: expect.objectContaining({ level: 'fr' }),
      }),
    ]);
  });

  it('reads a guardian', () => {
    const { guardians } = read('CZ/patients/complete/ps-l3.xml').header;
    expect(guardians).toEqual([
      expect.objectContaining({
        classCode: 'GUARD',
        role: expect.objectContaining({ code: 'GUARD', codeSystem: ROLE_CLASS }),
        relationship: expect.objectContaining({ code: 'SONC', originalDisplay: 'syn' }),
        names: [expect.objectContaining({ given: ['Petr'], family: ['Dvořák'] })],
      }),
    ]);
  });

  it('reads an authoring device', () => {
    const [author] = read('ES/patients/complete/ps-l3.xml').header.authors;
    expect(author).toMatchObject({
      kind: 'device',
      device: { manufacturerModelName: 'Ministerio de Sanidad', softwareName: expect.stringContaining('HCDSNS') },
    });
  });

  it('keeps every given and family name', () => {
    const [name] = read('PT/patients/complete/ps-l3.xml').header.patient.names;
    expect(name).toMatchObject({ given: ['Ana', 'Rita'], family: ['Sousa', 'Monteiro'] });
  });

  it('takes the country from the caller when given', () => {
    const summary = parseCdaPatientSummary(readFixture('HR/patients/complete/ps-l3.xml'), { countryCode: 'XX' });
    expect(summary.header.country).toBe('XX');
  });
});

describe('entries', () => {
  it('reads an allergy with its reactions, severity, criticality, status, certainty and onset', () => {
    const [allergy] = only(entriesOf(read('HR/patients/complete/ps-l3.xml'), '48765-2'), 'allergy');
    expect(allergy).toMatchObject({
      narrativeRef: 'alg1',
      agentName: 'metamizol natrij',
      allergyType: expect.objectContaining({ code: '609328004' }),
      reactions: [
        expect.objectContaining({
          manifestation: expect.objectContaining({ code: '126485001' }),
          severity: expect.objectContaining({ code: '6736007' }),
        }),
      ],
      criticality: expect.objectContaining({ code: 'low' }),
      status: expect.objectContaining({ code: 'active' }),
      certainty: expect.objectContaining({ code: 'confirmed' }),
      onset: '2009-05',
    });
  });

  it('reads a two-ingredient inhaler with strengths, form, route, dose, frequency, period and reason', () => {
    const medications = only(entriesOf(read('CZ/patients/complete/ps-l3.xml'), '10160-0'), 'medication');
    const seretide = medications.find((medication) => medication.product.code?.code === 'R03AK06');
    expect(seretide).toMatchObject({
      product: expect.objectContaining({ name: 'Seretide Diskus 50/500 mikrogramů/dávka' }),
      doseForm: expect.objectContaining({ code: '11109000' }),
      route: expect.objectContaining({ code: '20020000' }),
      dose: expect.objectContaining({ value: '1' }),
      frequency: expect.objectContaining({ period: expect.objectContaining({ value: '12' }) }),
      period: { start: '2014-11-01', endNullFlavor: 'UNK' },
      reasons: [expect.objectContaining({ code: 'J44.9' })],
    });
    expect(seretide?.ingredients).toEqual([
      expect.objectContaining({
        substance: expect.objectContaining({ code: 'R03AC12' }),
        strength: expect.objectContaining({ numerator: expect.objectContaining({ value: '50' }) }),
      }),
      expect.objectContaining({
        substance: expect.objectContaining({ code: 'R03BA05' }),
        strength: expect.objectContaining({ numerator: expect.objectContaining({ value: '500' }) }),
      }),
    ]);
  });

  it('keeps the national drug code next to the ATC code', () => {
    const [ramipril] = only(entriesOf(read('HR/patients/complete/ps-l3.xml'), '10160-0'), 'medication');
    expect(ramipril?.product.code?.translations).toEqual([
      expect.objectContaining({ code: '056271', displayName: 'Ramipril Pliva tbl. 30 × 5 mg' }),
    ]);
  });

  it('marks a medication taken as needed (no frequency given)', () => {
    const medications = only(entriesOf(read('EE/patients/complete/ps-l3.xml'), '10160-0'), 'medication');
    expect(medications.map((medication) => medication.frequency)).toContainEqual({ nullFlavor: 'NI' });
  });

  it('reads problems with onset, resolution, status and outcome', () => {
    const problems = only(entriesOf(read('HR/patients/complete/ps-l3.xml'), '11348-0'), 'problem');
    expect(problems[0]).toMatchObject({
      code: expect.objectContaining({ code: 'I21.0' }),
      onset: '2019-06-10',
      resolution: '2019-07-15',
      status: expect.objectContaining({ code: '413322009' }),
      outcome: expect.objectContaining({ code: '162467007' }),
    });
  });

  it('reads procedures, devices and immunisations', () => {
    const summary = read('HR/patients/complete/ps-l3.xml');
    expect(only(entriesOf(summary, '47519-4'), 'procedure')[0]).toMatchObject({
      code: expect.objectContaining({ code: '429639007' }),
      date: expect.objectContaining({ start: '2019-06-11' }),
      status: expect.objectContaining({ code: 'completed', codeSystem: ACT_STATUS, codeSystemName: 'ActStatus' }),
    });
    expect(only(entriesOf(summary, '46264-8'), 'device')[0]).toMatchObject({
      code: expect.objectContaining({ code: '411114003' }),
      identifiers: [{ root: '2.16.840.1.113883.3.3719', extension: '(01)08714729832054(17)290531(10)7731234' }],
      period: expect.objectContaining({ start: '2019-06-11' }),
    });
    expect(only(entriesOf(summary, '11369-6'), 'immunization')[1]).toMatchObject({
      vaccine: expect.objectContaining({ code: '1119349007' }),
      productName: 'Comirnaty JN.1',
      date: '2024-10-18',
      doseNumber: '4',
      lotNumber: 'HJ2931',
    });
  });

  it('reads vital signs and results as panels of observations with units, interpretation and range', () => {
    const summary = read('HR/patients/complete/ps-l3.xml');
    const [vitals] = only(entriesOf(summary, '8716-3'), 'vitalSign');
    expect(vitals?.panel).toBeUndefined(); // the vital-signs organizer code is structural
    expect(vitals?.observations).toHaveLength(5);
    expect(vitals?.observations[0]).toMatchObject({
      code: expect.objectContaining({ code: '8480-6' }),
      value: {
        kind: 'quantity',
        quantity: expect.objectContaining({ value: '142', unit: expect.objectContaining({ code: 'mm[Hg]' }) }),
      },
      interpretations: [expect.objectContaining({ code: 'H' })],
      status: expect.objectContaining({ code: 'completed', codeSystem: ACT_STATUS }),
    });
    const [panel] = only(entriesOf(summary, '30954-2'), 'result');
    expect(panel?.panel?.code).toBe('26436-6');
    expect(panel?.observations[0]?.referenceRange).toMatchObject({
      low: expect.objectContaining({ value: '4.0' }),
      high: expect.objectContaining({ value: '6.0' }),
    });
  });

  it('reads social history, pregnancies, plan of care, functional status and advance directives', () => {
    const estonia = read('EE/patients/complete/ps-l3.xml');
    expect(only(entriesOf(estonia, '10162-6'), 'pregnancy')[1]).toMatchObject({
      code: expect.objectContaining({ code: '11778-8' }),
      value: { kind: 'date', date: '2027-02-14' },
    });
    const malta = read('MT/patients/complete/ps-l3.xml');
    expect(only(entriesOf(malta, '29762-2'), 'socialHistory').map((entry) => entry.value)).toContainEqual({
      kind: 'text',
      text: 'Primary school teacher',
    });
    const czechia = read('CZ/patients/complete/ps-l3.xml');
    expect(only(entriesOf(czechia, '18776-5'), 'planOfCare')[0]).toMatchObject({
      code: expect.objectContaining({ code: '410083007' }),
      mood: expect.objectContaining({ code: 'INT', codeSystem: ACT_MOOD, codeSystemName: 'ActMood' }),
      activity: 'procedure',
      effectiveTime: { value: '2026-12-01' },
    });
    expect(only(entriesOf(czechia, '47420-5'), 'functionalStatus')[0]?.observations).toHaveLength(2);
    expect(only(entriesOf(czechia, '42348-3'), 'advanceDirective')[0]).toMatchObject({
      code: expect.objectContaining({ code: '304251008' }),
      value: { kind: 'coded', coded: expect.objectContaining({ code: '304253006' }) },
    });
  });
});

describe('documents from elsewhere', () => {
  const problemEntry = (codeSystem: string) => `<entry><act classCode="ACT" moodCode="EVN"><code nullFlavor="NA"/>
    <entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN">
      <code code="64572001" codeSystem="2.16.840.1.113883.6.96"/>
      <value xsi:type="CD" code="I10" codeSystem="${codeSystem}" displayName="Hypertension"/>
    </observation></entryRelationship></act></entry>`;

  it('reads ICD-10 under the eHDSI OID as ICD-10', () => {
    const summary = readPatientSummary(
      cdaDocument(
        cdaSection('11450-4', 'Problems', 'Hypertension', problemEntry('1.3.6.1.4.1.12559.11.10.1.3.1.44.2')),
      ),
      'text/xml',
      catalogue,
    );
    const [problem] = only(entriesOf(summary, '11450-4'), 'problem');
    expect(problem?.code).toMatchObject({ code: 'I10', display: expect.objectContaining({ level: 'fr' }) });
  });

  it('reads the medication extension under the pharm namespace, with any prefix for HL7', () => {
    const document = `<?xml version="1.0"?>
<hl7:ClinicalDocument xmlns:hl7="urn:hl7-org:v3" xmlns:pharm="urn:hl7-org:pharm" xmlns:other="urn:example:other"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <hl7:languageCode code="en-GB"/>
  <hl7:component><hl7:structuredBody><hl7:component><hl7:section>
    <hl7:code code="10160-0" codeSystem="2.16.840.1.113883.6.1"/><hl7:title>Medication</hl7:title>
    <hl7:text><hl7:paragraph ID="m1">Salbutamol</hl7:paragraph></hl7:text>
    <hl7:entry><hl7:substanceAdministration classCode="SBADM" moodCode="INT">
      <hl7:text><hl7:reference value="#m1"/></hl7:text>
      <hl7:consumable><hl7:manufacturedProduct><hl7:manufacturedMaterial>
        <other:code code="WRONG" codeSystem="2.16.840.1.113883.6.73"/>
        <hl7:code code="R03AC02" codeSystem="2.16.840.1.113883.6.73" displayName="salbutamol"/>
        <pharm:formCode code="11107000" codeSystem="0.4.0.127.0.16.1.1.2.1"/>
        <pharm:asContent><pharm:containerPackagedProduct><pharm:name>Inhaler</pharm:name></pharm:containerPackagedProduct></pharm:asContent>
        <pharm:ingredient classCode="ACTI">
          <pharm:quantity><pharm:numerator xsi:type="PQ" value="100" unit="ug"/><pharm:denominator xsi:type="PQ" value="1" unit="1"/></pharm:quantity>
          <pharm:ingredientSubstance><pharm:code code="R03AC02" codeSystem="2.16.840.1.113883.6.73"/><pharm:name>salbutamol</pharm:name></pharm:ingredientSubstance>
        </pharm:ingredient>
      </hl7:manufacturedMaterial></hl7:manufacturedProduct></hl7:consumable>
    </hl7:substanceAdministration></hl7:entry>
  </hl7:section></hl7:component></hl7:structuredBody></hl7:component>
</hl7:ClinicalDocument>`;
    const summary = readPatientSummary(Buffer.from(document), 'text/xml', catalogue);
    const [medication] = only(entriesOf(summary, '10160-0'), 'medication');
    expect(medication).toMatchObject({
      narrativeRef: 'm1',
      product: { code: expect.objectContaining({ code: 'R03AC02' }), packageName: 'Inhaler' },
      doseForm: expect.objectContaining({ code: '11107000' }),
      ingredients: [
        {
          substance: expect.objectContaining({ code: 'R03AC02' }),
          name: 'salbutamol',
          strength: expect.objectContaining({ numerator: expect.objectContaining({ value: '100' }) }),
        },
      ],
    });
  });

  it('keeps an unknown section with its title, narrative and entries', () => {
    const summary = readPatientSummary(
      cdaDocument(
        cdaSection(
          '11535-2',
          'Hospital discharge diagnosis',
          '<paragraph ID="x1">Discharged home</paragraph>',
          '<entry><observation classCode="OBS" moodCode="EVN"><code code="8651-2" codeSystem="2.16.840.1.113883.6.1"/><text><reference value="#x1"/></text></observation></entry>',
        ),
      ),
      'text/xml',
      catalogue,
    );
    expect(summary.sections).toEqual([]);
    expect(summary.unknownSections).toEqual([
      expect.objectContaining({
        loinc: '11535-2',
        title: 'Hospital discharge diagnosis',
        titleFr: 'Hospital discharge diagnosis',
        counts: { seen: 1, mapped: 1 },
        entries: [expect.objectContaining({ type: 'other', element: 'observation', text: 'Discharged home' })],
      }),
    ]);
    expect(summary.counts).toEqual({ seen: 1, mapped: 1 });
  });

  it('keeps an entry it cannot type as an other entry, and an empty one too', () => {
    const summary = readPatientSummary(
      cdaDocument(
        cdaSection(
          '48765-2',
          'Allergies',
          '<paragraph ID="a1">Seen in the emergency room</paragraph>',
          '<entry><encounter classCode="ENC" moodCode="EVN"><text><reference value="#a1"/></text></encounter></entry><entry/>',
        ),
      ),
      'text/xml',
      catalogue,
    );
    expect(summary.sections[0]?.counts).toEqual({ seen: 2, mapped: 2 });
    expect(summary.sections[0]?.entries).toEqual([
      expect.objectContaining({
        type: 'other',
        element: 'encounter',
        narrativeRef: 'a1',
        text: 'Seen in the emergency room',
      }),
      expect.objectContaining({ type: 'other', element: 'entry' }),
    ]);
  });
});

describe('refused documents', () => {
  it('rejects the truncated document cleanly', () => {
    const error = documentError(() => read('LU/patients/malformed-xml/ps-l3.xml'));
    expect(error.code).toBe('document_unreadable');
    expect(error.detail).toMatch(/not well-formed/);
  });

  it('refuses a DOCTYPE, with or without entities', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE ClinicalDocument [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol2;</title></ClinicalDocument>`;
    const external = `<?xml version="1.0"?><!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title></ClinicalDocument>`;
    const plain = `<?xml version="1.0"?><!DOCTYPE ClinicalDocument SYSTEM "cda.dtd"><ClinicalDocument xmlns="urn:hl7-org:v3"/>`;
    for (const document of [laughs, external, plain])
      expect(documentError(() => parseCdaPatientSummary(Buffer.from(document))).code).toBe('document_refused');
  });

  it('refuses an entity it does not know rather than expanding anything', () => {
    const document = cdaDocument(cdaSection('48765-2', 'Allergies', '&nbsp;none'));
    expect(documentError(() => parseCdaPatientSummary(document)).code).toBe('document_unreadable');
  });

  it('refuses a document larger than the limit before reading it', () => {
    const fixture = readFixture('MT/patients/too-large/ps-l3.xml');
    // As the simulator pads it: to 6,000,000 bytes.
    const padded = Buffer.concat([fixture, Buffer.alloc(6_000_000 - fixture.length, ' ')]);
    expect(documentError(() => readPatientSummary(padded, 'text/xml', catalogue)).code).toBe('document_too_large');
    expect(documentError(() => parseCdaPatientSummary(fixture, { maxBytes: 10_000 })).code).toBe('document_too_large');
  });

  it('refuses what is not an L3 Patient Summary', () => {
    const notCda = Buffer.from('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>');
    expect(documentError(() => parseCdaPatientSummary(notCda)).detail).toMatch(/ClinicalDocument/);
    expect(documentError(() => parseCdaPatientSummary(readFixture('HR/patients/with-pdf/ps-l1.xml'))).detail).toMatch(
      /L1/,
    );
    expect(documentError(() => parseCdaPatientSummary(Buffer.from([0xff, 0xfe, 0x00]))).code).toBe(
      'document_unreadable',
    );
    expect(documentError(() => parseCdaPatientSummary(Buffer.from('<a>\u00e9</a>', 'latin1'))).code).toBe(
      'document_unreadable',
    );
    expect(documentError(() => parseCdaPatientSummary(Buffer.from(''))).code).toBe('document_unreadable');
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    const deep = `${'<content>'.repeat(5000)}x${'</content>'.repeat(5000)}`;
    const error = documentError(() => parseCdaPatientSummary(cdaDocument(cdaSection('48765-2', 'Allergies', deep))));
    expect(error.code).toBe('document_unreadable');
  });
});
