import { allergyRisk, allergyTimeline, medicationTimeline, problemTimeline } from './assessment';
import type { CodedValue, EntryOf } from './model';

const TODAY = '2026-10-02';
const status = (code: string, codeSystem: string): CodedValue => ({
  code,
  codeSystem,
  display: { text: code, lang: 'fr-FR', level: 'fr' },
});
const ACT_STATUS = '2.16.840.1.113883.5.14';
const FHIR_MEDICATION_STATEMENT_STATUS = '2.16.840.1.113883.4.642.4.1379';

function medication(fields: Partial<EntryOf<'medication'>>): EntryOf<'medication'> {
  return { type: 'medication', product: {}, ingredients: [], reasons: [], ...fields };
}

describe('medicationTimeline', () => {
  it('makes a treatment past by its status code, whether a CDA ActStatus or a FHIR status', () => {
    expect(medicationTimeline(medication({ status: status('completed', ACT_STATUS) }), TODAY)).toBe('past');
    expect(medicationTimeline(medication({ status: status('aborted', ACT_STATUS) }), TODAY)).toBe('past');
    expect(medicationTimeline(medication({ status: status('stopped', FHIR_MEDICATION_STATEMENT_STATUS) }), TODAY)).toBe(
      'past',
    );
    expect(
      medicationTimeline(medication({ status: status('entered-in-error', FHIR_MEDICATION_STATEMENT_STATUS) }), TODAY),
    ).toBe('past');
  });

  it('keeps an active treatment, or one without a status, current until its end date has passed', () => {
    expect(medicationTimeline(medication({ status: status('active', ACT_STATUS) }), TODAY)).toBe('current');
    expect(medicationTimeline(medication({}), TODAY)).toBe('current');
    expect(medicationTimeline(medication({ period: { end: '2026-10-02' } }), TODAY)).toBe('current');
    expect(
      medicationTimeline(medication({ status: status('active', ACT_STATUS), period: { end: '2026-09' } }), TODAY),
    ).toBe('past');
  });
});

const SNOMED = '2.16.840.1.113883.6.96';
const HL7_OBSERVATION_VALUE = '2.16.840.1.113883.5.1063';
const CRITICALITY = '2.16.840.1.113883.4.642.4.130';
const ALLERGY_CLINICAL = '2.16.840.1.113883.4.642.4.1373';
const ALLERGY_VERIFICATION = '2.16.840.1.113883.4.642.4.1371';

/** A coded value whose French display says the opposite of its code: rules must read the code only. */
const coded = (code: string, codeSystem: string, text = 'Sévère, élevée, high'): CodedValue => ({
  code,
  codeSystem,
  display: { text, lang: 'fr-FR', level: 'fr' },
});

function allergy(fields: Partial<EntryOf<'allergy'>>): EntryOf<'allergy'> {
  return { type: 'allergy', reactions: [], ...fields };
}
function problem(fields: Partial<EntryOf<'problem'>>): EntryOf<'problem'> {
  return { type: 'problem', code: coded('I10', '2.16.840.1.113883.6.3', 'Hypertension'), ...fields };
}
const reaction = (severity: CodedValue) => ({ manifestation: coded('39579001', SNOMED, 'Anaphylaxie'), severity });

describe('allergyRisk', () => {
  it.each([
    ['high', CRITICALITY],
    ['CRITH', HL7_OBSERVATION_VALUE],
  ])('flags criticality %s (%s) as high', (code, system) => {
    expect(allergyRisk(allergy({ criticality: coded(code, system) }))).toBe('highCriticality');
  });

  it.each([
    ['low', CRITICALITY],
    ['unable-to-assess', CRITICALITY],
    ['CRITL', HL7_OBSERVATION_VALUE],
    ['high', '1.2.3.4'],
  ])('does not flag criticality %s (%s), whatever its display says', (code, system) => {
    expect(allergyRisk(allergy({ criticality: coded(code, system) }))).toBeUndefined();
  });

  it.each(['24484000', '442452003', '399166001'])('flags the severity %s as a severe reaction', (code) => {
    expect(allergyRisk(allergy({ severity: coded(code, SNOMED) }))).toBe('severeReaction');
    expect(allergyRisk(allergy({ reactions: [reaction(coded(code, SNOMED))] }))).toBe('severeReaction');
  });

  it.each(['371924009', '6736007', '255604002', '371923003'])(
    'does not flag severity %s (moderate to severe, moderate, mild…) even when its display reads « sévère »',
    (code) => {
      expect(allergyRisk(allergy({ severity: coded(code, SNOMED), reactions: [reaction(coded(code, SNOMED))] }))).toBe(
        undefined,
      );
    },
  );

  it('puts criticality before severity', () => {
    expect(allergyRisk(allergy({ criticality: coded('high', CRITICALITY), severity: coded('24484000', SNOMED) }))).toBe(
      'highCriticality',
    );
  });
});

describe('allergyTimeline', () => {
  it.each([
    ['inactive', ALLERGY_CLINICAL],
    ['resolved', ALLERGY_CLINICAL],
    ['73425007', SNOMED],
    ['413322009', SNOMED],
  ])('makes an allergy past by its status %s (%s)', (code, system) => {
    expect(allergyTimeline(allergy({ status: coded(code, system, 'Active') }), TODAY)).toBe('past');
  });

  it('makes a refuted allergy, a closed concern or one ended before today past', () => {
    expect(allergyTimeline(allergy({ certainty: coded('refuted', ALLERGY_VERIFICATION) }), TODAY)).toBe('past');
    expect(allergyTimeline(allergy({ concernStatus: 'completed' }), TODAY)).toBe('past');
    expect(allergyTimeline(allergy({ concernStatus: 'aborted' }), TODAY)).toBe('past');
    expect(allergyTimeline(allergy({ end: '2026-10-01' }), TODAY)).toBe('past');
    expect(allergyTimeline(allergy({ end: '2025' }), TODAY)).toBe('past');
  });

  it('keeps an active allergy, one without status, or one ending this year or later current', () => {
    expect(allergyTimeline(allergy({ status: coded('active', ALLERGY_CLINICAL, 'Inactive') }), TODAY)).toBe('current');
    expect(allergyTimeline(allergy({ concernStatus: 'active' }), TODAY)).toBe('current');
    expect(allergyTimeline(allergy({}), TODAY)).toBe('current');
    expect(allergyTimeline(allergy({ end: '2026' }), TODAY)).toBe('current');
    expect(allergyTimeline(allergy({ end: 'not a date' }), TODAY)).toBe('current');
  });
});

describe('problemTimeline', () => {
  it('makes a problem past by its status or outcome code, its closed concern or its resolution date', () => {
    expect(problemTimeline(problem({ status: coded('413322009', SNOMED, 'Actif') }), TODAY)).toBe('past');
    expect(problemTimeline(problem({ outcome: coded('413322009', SNOMED) }), TODAY)).toBe('past');
    expect(problemTimeline(problem({ concernStatus: 'completed' }), TODAY)).toBe('past');
    expect(problemTimeline(problem({ resolution: '2019-04' }), TODAY)).toBe('past');
  });

  it('keeps an active or chronic problem current', () => {
    expect(problemTimeline(problem({ status: coded('55561003', SNOMED, 'Résolu') }), TODAY)).toBe('current');
    expect(problemTimeline(problem({ status: coded('90734009', SNOMED) }), TODAY)).toBe('current');
    expect(problemTimeline(problem({}), TODAY)).toBe('current');
  });
});
