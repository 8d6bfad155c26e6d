import { patientSummarySchema, type Entry, type PatientSummary } from '@sesali/shared';
import type { TerminologyCatalogue } from '../../terminology/catalogue';
import { loadTerminology } from '../../terminology/load';
import { readPatientSummary } from '../read-summary';
import { allNarrativeNodes, codedValues, documentError, readFixture } from '../testing/fixtures';
import { parseFhirPatientSummary } from './parse-fhir';

const FHIR_FIXTURE = 'LU/patients/fhir/ps.json';

interface FixtureBundle {
  entry: {
    fullUrl: string;
    resource: { resourceType: string; section?: { code: { coding: { code: string }[] }; entry?: unknown[] }[] };
  }[];
}

let catalogue: TerminologyCatalogue;
let summary: PatientSummary;
const bundle = JSON.parse(readFixture(FHIR_FIXTURE).toString('utf8')) as FixtureBundle;
const composition = bundle.entry[0]?.resource;

beforeAll(async () => {
  catalogue = (await loadTerminology()).catalogue;
  summary = readPatientSummary(readFixture(FHIR_FIXTURE), 'application/fhir+json', catalogue);
});

const entriesOf = (loinc: string): Entry[] =>
  summary.sections.find((section) => section.loinc === loinc)?.entries ?? [];

/** A Bundle made of the fixture's resources, with other sections. */
function bundleWith(sections: unknown[], extraResources: unknown[] = []): Buffer {
  const copy = structuredClone(bundle) as { entry: { fullUrl?: string; resource: Record<string, unknown> }[] };
  const first = copy.entry[0];
  if (first) first.resource.section = sections;
  copy.entry.push(
    ...extraResources.map((resource, index) => ({
      fullUrl: `urn:uuid:extra-${index}`,
      resource: resource as Record<string, unknown>,
    })),
  );
  return Buffer.from(JSON.stringify(copy));
}

describe('FHIR Patient Summary (LU/fhir)', () => {
  it('gives the same sections, by LOINC code, as the Composition', () => {
    const compositionCodes = (composition?.section ?? []).map((section) => section.code.coding[0]?.code);
    expect(summary.sections.map((section) => section.loinc)).toEqual(compositionCodes);
    expect(summary.unknownSections).toEqual([]);
  });

  it('maps every section entry: seen equals mapped, and equals the Composition references', () => {
    for (const [index, section] of summary.sections.entries()) {
      expect(section.counts.mapped).toBe(section.counts.seen);
      expect(section.counts.seen).toBe(composition?.section?.[index]?.entry?.length ?? 0);
    }
    expect(summary.counts).toEqual({ seen: 15, mapped: 15 });
    expect(summary.sections.flatMap((section) => section.entries).filter((entry) => entry.type === 'other')).toEqual(
      [],
    );
  });

  it('is a valid model with a French display on every coded value', () => {
    expect(patientSummarySchema.safeParse(summary).success).toBe(true);
    for (const { value, path } of codedValues(summary)) {
      expect({ path, empty: value.display.text.trim() === '' }).toEqual({ path, empty: false });
      expect({ path, level: value.display.level }).toEqual({ path, level: 'fr' });
    }
  });

  it('maps FHIR code systems to the OIDs the catalogue uses', () => {
    const systems = new Set(codedValues(summary.sections).map(({ value }) => value.codeSystem));
    expect(systems).toContain('2.16.840.1.113883.6.96');
    expect(systems).toContain('2.16.840.1.113883.6.1');
    expect(systems).toContain('2.16.840.1.113883.6.3');
    expect(systems).toContain('2.16.840.1.113883.6.73');
    expect(systems).toContain('0.4.0.127.0.16.1.1.2.1');
    expect(systems).toContain('2.16.840.1.113883.6.8');
    expect([...systems].filter((system) => system?.startsWith('http'))).toEqual([]);
  });

  it('reads allergies, medications with their Medication, problems, procedures, devices, immunisations, vital signs', () => {
    expect(entriesOf('48765-2')[1]).toMatchObject({
      type: 'allergy',
      agent: expect.objectContaining({ code: 'J01CA04', codeSystem: '2.16.840.1.113883.6.73' }),
      reactions: [expect.objectContaining({ severity: expect.objectContaining({ code: '6736007' }) })],
      criticality: expect.objectContaining({ code: 'low' }),
      status: expect.objectContaining({ code: 'active' }),
      certainty: expect.objectContaining({ code: 'confirmed' }),
      onset: '2016-02',
    });
    const microgynon = entriesOf('10160-0')[2];
    expect(microgynon).toMatchObject({
      type: 'medication',
      product: expect.objectContaining({ name: 'Microgynon 30, comprimé' }),
      doseForm: expect.objectContaining({ code: '10219000' }),
      route: expect.objectContaining({ code: '20053000' }),
      frequency: { period: expect.objectContaining({ value: '1', unit: expect.objectContaining({ code: 'd' }) }) },
      period: { start: '2012-09-01' },
    });
    expect(
      microgynon?.type === 'medication' && microgynon.ingredients.map((i) => [i.name, i.strength?.numerator?.value]),
    ).toEqual([
      ['lévonorgestrel', '150'],
      ['éthinylestradiol', '30'],
    ]);
    expect(entriesOf('11450-4')[0]).toMatchObject({
      type: 'problem',
      code: expect.objectContaining({ code: 'E06.3' }),
      onset: '2019-10',
      status: expect.objectContaining({ code: '55561003' }),
    });
    expect(entriesOf('47519-4')[0]).toMatchObject({ type: 'procedure', date: { value: '2001-06-18' } });
    expect(entriesOf('46264-8')[0]).toMatchObject({
      type: 'device',
      code: expect.objectContaining({ code: '272307009' }),
      identifiers: [expect.objectContaining({ extension: '(01)07640148955512(10)ST-2022-0314' })],
      period: { value: '2022-03-14' },
    });
    expect(entriesOf('11369-6')[0]).toMatchObject({
      type: 'immunization',
      productName: 'Gardasil',
      doseNumber: '1',
      lotNumber: 'NG38271',
    });
    expect(entriesOf('8716-3')[0]).toMatchObject({
      type: 'vitalSign',
      panel: expect.objectContaining({ code: '85354-9' }),
      observations: [
        expect.objectContaining({ code: expect.objectContaining({ code: '8480-6' }) }),
        expect.objectContaining({ code: expect.objectContaining({ code: '8462-4' }) }),
      ],
    });
  });

  it('reads the header', () => {
    expect(summary.format).toBe('fhir');
    expect(summary.header).toMatchObject({
      title: 'Résumé patient',
      language: 'fr-LU',
      country: 'LU',
      documentId: { root: '2.16.442.1.100.1000.990.3', extension: '4.1' },
      patient: expect.objectContaining({
        identifiers: [{ root: '1.3.182.4.4', extension: '1991060327252', issuer: 'Luxembourg — matricule national' }],
        names: [expect.objectContaining({ given: ['Sophie'], family: ['Muller'] })],
        birthDate: '1991-06-03',
        gender: expect.objectContaining({ code: 'F' }),
      }),
      authors: [expect.objectContaining({ kind: 'person', name: expect.objectContaining({ family: ['Reuter'] }) })],
      custodian: expect.objectContaining({ name: 'Agence eSanté Luxembourg' }),
      legalAuthenticator: expect.objectContaining({ time: '2026-10-14T10:00:00Z' }),
    });
  });

  it('gives each resource’s status the code system its resource type fixes, and the catalogue’s French', () => {
    const status = (code: string, codeSystem: string, text: string): unknown =>
      expect.objectContaining({ code, codeSystem, display: expect.objectContaining({ text, level: 'fr' }) });
    expect(entriesOf('10160-0')[0]).toMatchObject({
      status: status('active', '2.16.840.1.113883.4.642.4.1379', 'En cours'),
    });
    expect(entriesOf('47519-4')[0]).toMatchObject({
      status: status('completed', '2.16.840.1.113883.4.642.4.110', 'Terminé'),
    });
    expect(entriesOf('46264-8')[0]).toMatchObject({
      status: status('active', '2.16.840.1.113883.4.642.4.215', 'En cours'),
    });
    expect(entriesOf('11369-6')[0]).toMatchObject({
      status: status('completed', '2.16.840.1.113883.4.642.4.110', 'Terminé'),
    });
    // The measures of a panel carry no status of their own (components); single observations do.
    const vitalStatuses = entriesOf('8716-3').flatMap((entry) =>
      entry.type === 'vitalSign' ? entry.observations.map((observation) => observation.status) : [],
    );
    expect(vitalStatuses).toContainEqual(status('final', '2.16.840.1.113883.4.642.4.401', 'Définitif'));
  });

  it('turns the sections’ XHTML into the narrative tree', () => {
    const nodes = allNarrativeNodes(summary);
    expect(nodes.some((node) => node.type === 'table')).toBe(true);
    expect(nodes.some((node) => node.type === 'text' && node.text === 'Amoxicilline')).toBe(true);
  });
});

describe('FHIR statuses, intents and roles', () => {
  it('reads a planned request’s status and intent under their own code systems, in French', () => {
    const document = bundleWith(
      [
        {
          title: 'Plan de soins',
          code: { coding: [{ system: 'http://loinc.org', code: '18776-5' }] },
          entry: [{ reference: 'urn:uuid:extra-0' }, { reference: 'urn:uuid:extra-1' }],
        },
      ],
      [
        {
          resourceType: 'ServiceRequest',
          id: 's1',
          status: 'active',
          intent: 'order',
          code: { coding: [{ system: 'http://snomed.info/sct', code: '183519002' }] },
        },
        {
          resourceType: 'MedicationRequest',
          id: 'm1',
          status: 'on-hold',
          intent: 'plan',
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'C09AA05' }] },
        },
      ],
    );
    const [service, medication] =
      readPatientSummary(document, 'application/fhir+json', catalogue).sections[0]?.entries ?? [];
    const french = (code: string, codeSystem: string, text: string): unknown =>
      expect.objectContaining({ code, codeSystem, display: expect.objectContaining({ text, source: 'project' }) });
    expect(service).toMatchObject({
      type: 'planOfCare',
      activity: 'ServiceRequest',
      status: french('active', '2.16.840.1.113883.4.642.4.112', 'En cours'),
      mood: french('order', '2.16.840.1.113883.4.642.4.114', 'Prescrit'),
    });
    expect(medication).toMatchObject({
      type: 'planOfCare',
      activity: 'MedicationRequest',
      status: french('on-hold', '2.16.840.1.113883.4.642.4.1377', 'En attente'),
      mood: french('plan', '2.16.840.1.113883.4.642.4.1378', 'Prévu'),
    });
  });

  it('gives a guardian the role class GUARD, in French', () => {
    const copy = structuredClone(bundle) as { entry: { resource: Record<string, unknown> }[] };
    const patient = copy.entry.find((entry) => entry.resource.resourceType === 'Patient');
    if (patient)
      patient.resource.contact = [
        {
          relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' }] }],
          name: { family: 'Muller', given: ['Paul'] },
        },
      ];
    const { header } = readPatientSummary(Buffer.from(JSON.stringify(copy)), 'application/fhir+json', catalogue);
    expect(header.guardians).toEqual([
      expect.objectContaining({
        classCode: 'GUARD',
        role: expect.objectContaining({
          code: 'GUARD',
          codeSystem: '2.16.840.1.113883.5.110',
          display: expect.objectContaining({ text: 'Tuteur légal', source: 'project' }),
        }),
      }),
    ]);
    expect(header.contacts).toEqual([]);
  });
});

describe('FHIR entries that cannot be typed', () => {
  it('keeps an unresolved reference, an unexpected resource and an unknown section, counted', () => {
    const document = bundleWith(
      [
        {
          title: 'Allergies',
          code: { coding: [{ system: 'http://loinc.org', code: '48765-2' }] },
          entry: [{ reference: 'urn:uuid:missing' }, { reference: 'urn:uuid:extra-0' }],
        },
        {
          title: 'Travel history',
          code: { coding: [{ system: 'http://loinc.org', code: '10182-4' }] },
          text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Brazil, 2025</p></div>' },
          entry: [{ reference: 'urn:uuid:extra-1' }],
        },
      ],
      [
        { resourceType: 'Encounter', id: 'e1' },
        { resourceType: 'Observation', id: 'o1', code: { coding: [{ system: 'http://loinc.org', code: '8691-8' }] } },
      ],
    );
    const parsed = parseFhirPatientSummary(document);
    expect(parsed.sections[0]?.entries).toEqual([
      expect.objectContaining({ type: 'other', element: 'reference' }),
      expect.objectContaining({ type: 'other', element: 'Encounter' }),
    ]);
    expect(parsed.unknownSections).toEqual([
      expect.objectContaining({
        loinc: '10182-4',
        title: 'Travel history',
        counts: { seen: 1, mapped: 1 },
        entries: [expect.objectContaining({ type: 'other', element: 'Observation' })],
      }),
    ]);
    expect(parsed.counts).toEqual({ seen: 3, mapped: 3 });
  });

  it('reads an IPS absent-or-unknown code as a known absence', () => {
    const document = bundleWith(
      [
        {
          title: 'Allergies',
          code: { coding: [{ system: 'http://loinc.org', code: '48765-2' }] },
          entry: [{ reference: 'urn:uuid:extra-0' }],
        },
      ],
      [
        {
          resourceType: 'AllergyIntolerance',
          code: {
            coding: [
              { system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips', code: 'no-known-allergies' },
            ],
          },
        },
      ],
    );
    const [entry] = readPatientSummary(document, 'application/fhir+json', catalogue).sections[0]?.entries ?? [];
    expect(entry).toMatchObject({
      type: 'knownAbsence',
      code: { code: 'no-known-allergies', display: { text: 'Aucune allergie connue', level: 'fr' } },
    });
  });

  it('keeps a resource that does not have the expected shape as other', () => {
    const document = bundleWith(
      [
        {
          code: { coding: [{ system: 'http://loinc.org', code: '11450-4' }] },
          entry: [{ reference: 'urn:uuid:extra-0' }],
        },
      ],
      [{ resourceType: 'Condition', code: 'not a CodeableConcept' }],
    );
    expect(parseFhirPatientSummary(document).sections[0]?.entries[0]).toMatchObject({
      type: 'other',
      element: 'Condition',
      reason: expect.stringContaining('could not be read'),
    });
  });
});

describe('FHIR narratives that are not well-formed', () => {
  it('shows a section div that does not parse as bare text, and says so on the section', () => {
    const document = bundleWith([
      {
        title: 'Allergies',
        code: { coding: [{ system: 'http://loinc.org', code: '48765-2' }] },
        text: {
          status: 'generated',
          div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Allergie à la <b>pénicilline</p><p>depuis 2004</div>',
        },
      },
      {
        title: 'Problèmes',
        code: { coding: [{ system: 'http://loinc.org', code: '11450-4' }] },
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Asthme</p></div>' },
      },
    ]);
    const read = readPatientSummary(document, 'application/fhir+json', catalogue);
    expect(patientSummarySchema.safeParse(read).success).toBe(true);
    const [unparsed, parsed] = read.sections;
    expect(unparsed?.narrativeIssue).toBe('unparsed');
    expect(unparsed?.narrative).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Allergie à la pénicilline depuis 2004' }] },
    ]);
    expect(parsed?.narrativeIssue).toBeUndefined();
    expect(parsed?.narrative).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Asthme' }] }]);
  });
});

describe('refused FHIR documents', () => {
  it('refuses what is not a FHIR document Bundle', () => {
    expect(documentError(() => parseFhirPatientSummary(Buffer.from('{ not json'))).code).toBe('document_unreadable');
    expect(documentError(() => parseFhirPatientSummary(Buffer.from('{"resourceType":"Patient"}'))).code).toBe(
      'document_unreadable',
    );
    const collection = { ...bundle, type: 'collection' };
    expect(documentError(() => parseFhirPatientSummary(Buffer.from(JSON.stringify(collection)))).detail).toMatch(
      /document Bundle/,
    );
    const noComposition = { ...bundle, entry: bundle.entry.slice(1) };
    expect(documentError(() => parseFhirPatientSummary(Buffer.from(JSON.stringify(noComposition)))).detail).toMatch(
      /Composition/,
    );
  });

  it('refuses a Composition whose sections are malformed, at any level', () => {
    const withSections = (sections: unknown) => {
      const copy = structuredClone(bundle) as { entry: { resource: Record<string, unknown> }[] };
      const first = copy.entry[0];
      if (first) first.resource.section = sections;
      return Buffer.from(JSON.stringify(copy));
    };
    expect(documentError(() => parseFhirPatientSummary(withSections([{ entry: 'not an array' }]))).code).toBe(
      'document_unreadable',
    );
    expect(
      documentError(() => parseFhirPatientSummary(withSections([{ title: 'Parent', section: [{ title: 42 }] }])))
        .detail,
    ).toMatch(/sub-section/);
  });

  it('refuses a document larger than the limit', () => {
    const fixture = readFixture(FHIR_FIXTURE);
    expect(documentError(() => parseFhirPatientSummary(fixture, { maxBytes: 1000 })).code).toBe('document_too_large');
    const padded = Buffer.concat([fixture, Buffer.alloc(6_000_000, ' ')]);
    expect(documentError(() => readPatientSummary(padded, 'application/fhir+json', catalogue)).code).toBe(
      'document_too_large',
    );
  });
});
