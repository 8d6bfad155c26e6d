import { medicationTimeline } from './assessment';
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
