/**
 * French wording the BFF owns (not clinical terminology): names of the Patient Summary sections, and phrases
 * for data a document says is missing. The catalogue's fr-FR designations win where they exist (an operator's
 * national MTC keeps its wording); these are the fallback, so a clinician never meets an empty cell or an
 * English section title.
 */
import { nullFlavorFr } from '@sesali/shared';

/** LOINC section code → French section name (same wording as the shipped eHDSISection value set). */
const SECTION_TITLES_FR: Readonly<Record<string, string>> = {
  '48765-2': 'Allergies et réactions indésirables',
  '10160-0': 'Traitements médicamenteux',
  '11450-4': 'Liste des problèmes actifs',
  '47519-4': 'Antécédents chirurgicaux et actes',
  '46264-8': 'Dispositifs médicaux',
  '11348-0': 'Antécédents médicaux',
  '11369-6': 'Vaccinations',
  '18776-5': 'Plan de soins',
  '47420-5': 'Évaluation de l’état fonctionnel',
  '29762-2': 'Mode de vie',
  '10162-6': 'Antécédents obstétricaux',
  '8716-3': 'Signes vitaux',
  '30954-2': 'Résultats d’examens complémentaires',
  '42348-3': 'Directives anticipées',
};

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

export const sectionTitleFr = (loinc: string): string | undefined => own(SECTION_TITLES_FR, loinc);
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
