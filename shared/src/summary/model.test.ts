import { codedValueSchema, contactSchema, entrySchema, narrativeNodeSchema, patientSummarySchema } from './model';

const display = { text: 'Aucune allergie connue', lang: 'fr-FR', level: 'fr' as const };

describe('PatientSummary model', () => {
  it('accepts a minimal summary', () => {
    const summary = {
      format: 'cda',
      header: {
        title: 'Patient Summary',
        language: 'en-GB',
        patient: {
          identifiers: [{ root: '1.2.3', extension: '4' }],
          names: [],
          addresses: [],
          telecoms: [],
          languages: [],
        },
        guardians: [],
        contacts: [],
        authors: [],
      },
      sections: [
        {
          loinc: '48765-2',
          title: 'Allergies',
          titleFr: 'Allergies et réactions indésirables',
          lang: 'en-GB',
          narrative: [{ type: 'paragraph', attributes: { id: 'a1' }, children: [{ type: 'text', text: 'None' }] }],
          entries: [
            {
              type: 'knownAbsence',
              absence: 'known',
              narrativeRef: 'a1',
              code: { code: 'no-known-allergies', display },
            },
          ],
          counts: { seen: 1, mapped: 1 },
        },
      ],
      unknownSections: [],
      counts: { seen: 1, mapped: 1 },
    };
    expect(patientSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('refuses an empty display text', () => {
    expect(codedValueSchema.safeParse({ code: 'X', display: { ...display, text: '' } }).success).toBe(false);
  });

  it('refuses narrative node kinds and attributes outside the whitelist, at any depth', () => {
    expect(narrativeNodeSchema.safeParse({ type: 'table', children: [{ type: 'script' }] }).success).toBe(false);
    expect(
      narrativeNodeSchema.safeParse({ type: 'content', attributes: { styleCode: ['Bold', 'Blink'] } }).success,
    ).toBe(false);
    const parsed = narrativeNodeSchema.parse({ type: 'content', attributes: { id: 'x', onclick: 'steal()' } });
    expect(parsed.attributes).toEqual({ id: 'x' });
  });

  it('carries statuses, moods and contact roles as coded values, never as bare codes', () => {
    const actStatus = {
      code: 'completed',
      codeSystem: '2.16.840.1.113883.5.14',
      display: { ...display, text: 'Terminé' },
    };
    const procedure = { type: 'procedure', code: { code: '80146002', display } };
    expect(entrySchema.safeParse({ ...procedure, status: actStatus }).success).toBe(true);
    expect(entrySchema.safeParse({ ...procedure, status: 'completed' }).success).toBe(false);
    const plan = { type: 'planOfCare', code: { code: '183519002', display }, activity: 'encounter' };
    const mood = {
      code: 'APT',
      codeSystem: '2.16.840.1.113883.5.1001',
      display: { ...display, text: 'Rendez-vous pris' },
    };
    expect(entrySchema.safeParse({ ...plan, status: actStatus, mood }).success).toBe(true);
    expect(entrySchema.safeParse({ ...plan, mood: 'APT' }).success).toBe(false);
    const contact = { names: [], addresses: [], telecoms: [], classCode: 'GUARD' };
    const role = {
      code: 'GUARD',
      codeSystem: '2.16.840.1.113883.5.110',
      display: { ...display, text: 'Tuteur légal' },
    };
    expect(contactSchema.safeParse({ ...contact, role }).success).toBe(true);
    expect(contactSchema.safeParse({ ...contact, role: 'GUARD' }).success).toBe(false);
  });

  it('tells entries apart by type', () => {
    expect(entrySchema.safeParse({ type: 'other', element: 'act', reason: 'unknown section' }).success).toBe(true);
    expect(entrySchema.safeParse({ type: 'allergy' }).success).toBe(false);
  });
});
