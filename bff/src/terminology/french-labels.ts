/**
 * French wording the BFF owns (not clinical terminology): phrases for data a document says is missing.
 * (Section names live with the section table, in shared/.) The catalogue's fr-FR designations win where they exist (an operator's
 * national MTC keeps its wording); these are the fallback, so a clinician never meets an empty cell or an
 * English section title.
 */
import { nullFlavorFr } from '@sesali/shared';

/** Known-absence codes (IPS absent and unknown data) → French, should the catalogue lack them. */
const ABSENT_OR_UNKNOWN_FR: Readonly<Record<string, string>> = {
  'no-allergy-info': 'Pas d’information sur les allergies',
  'no-known-allergies': 'Aucune allergie connue',
  'no-known-medication-allergies': 'Aucune allergie médicamenteuse connue',
  'no-known-environmental-allergies': 'Aucune allergie environnementale connue',
  'no-known-food-allergies': 'Aucune allergie alimentaire connue',
  'no-medication-info': 'Pas d’information sur les traitements',
  'no-known-medications': 'Aucun traitement connu',
  'no-problem-info': 'Pas d’information sur les problèmes de santé',
  'no-known-problems': 'Aucun problème de santé connu',
  'no-procedure-info': 'Pas d’information sur les actes et interventions',
  'no-known-procedures': 'Aucun acte ni intervention connu',
  // Spelt without its final s in the eHDSI CTD and wave-3 reference test data.
  'no-known-procedure': 'Aucun acte ni intervention connu',
  'no-device-info': 'Pas d’information sur les dispositifs médicaux',
  'no-known-devices': 'Aucun dispositif médical connu',
};

/**
 * Lookups by a value that comes from a document: only the table's own entries count ("constructor" or
 * "__proto__" in a document must not find Object's).
 */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export const absentOrUnknownFr = (code: string): string | undefined => own(ABSENT_OR_UNKNOWN_FR, code);

/** The phrase for a missing value, e.g. « Non renseigné (NI) ». */
export function nullFlavorPhrase(nullFlavor: string | undefined, designationFr?: string): string {
  if (nullFlavor === undefined) return 'Non renseigné';
  const base = designationFr?.trim() || nullFlavorFr(nullFlavor) || 'Non renseigné';
  return `${capitalise(base)} (${nullFlavor})`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}
