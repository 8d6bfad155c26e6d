/**
 * Which allergies must catch the eye: a high criticality (FHIR/eHDSI code `high`, HL7 v3 `CRITH`, or a display
 * saying « élevé » / "high"), or a severe reaction (SNOMED CT 24484000). Text is checked too because a country
 * may send its own code with a meaningful display; erring towards showing the alert is the safe side.
 */
import type { CodedValue, EntryOf } from '@sesali/shared';

const HIGH_CRITICALITY_CODES = new Set(['high', 'crith']);
const SEVERE_CODES = new Set(['24484000', 'severe']);

const isHigh = (criticality: CodedValue | undefined) =>
  criticality !== undefined &&
  (HIGH_CRITICALITY_CODES.has((criticality.code ?? '').toLowerCase()) || /élev|high/i.test(criticality.display.text));

const isSevere = (severity: CodedValue | undefined) =>
  severity !== undefined &&
  (SEVERE_CODES.has((severity.code ?? '').toLowerCase()) || /sévère|severe/i.test(severity.display.text));

export const HIGH_CRITICALITY = 'Criticité élevée';
export const SEVERE_REACTION = 'Réaction sévère';

/** The warning an allergy deserves, if any: its criticality first, else the severity of its reactions. */
export function allergyRisk(allergy: EntryOf<'allergy'>): string | undefined {
  if (isHigh(allergy.criticality)) return HIGH_CRITICALITY;
  if (isSevere(allergy.severity) || allergy.reactions.some((r) => isSevere(r.severity))) return SEVERE_REACTION;
  return undefined;
}

export { isHigh as isHighCriticality };
