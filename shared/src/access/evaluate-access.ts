/**
 * Sesali's access rules (DOMAIN.md §3), evaluated on every activity of every "exercice" that Pro Santé Connect
 * sends. Pure: the BFF calls it at the login callback and keeps the result in the session; tests drive it with
 * claims alone.
 */
import { labelOf, modeLabels, professionLabels, sectorLabels } from './nomenclatures';
import { pscUserinfoSchema, type PscActivity, type PscExercice } from './psc-userinfo';
import type { AccessDecision, RefusalReason, Situation } from './types';

const OCCUPATIONAL_MEDICINE_SPECIALTY = 'SM25';
const OCCUPATIONAL_MEDICINE_SECTORS = new Set(['SA13', 'SA66']);
/** SA23 private insurance; **policy**: SA24 (social security bodies) refused alike. */
const INSURER_SECTORS = new Set(['SA23', 'SA24']);
const DOCTOR_CATEGORIES = new Set(['C', 'M', 'E']);
const PHARMACIST_ALLOWED_SECTIONS = new Set(['A', 'D', 'E', 'G', 'H']);
const PHARMACIST_REFUSED_SECTIONS = new Set(['B', 'C']);
const PHARMACIST_ALLOWED_SECTORS = new Set([
  'SA01',
  'SA02',
  'SA03',
  'SA04',
  'SA25',
  'SA29',
  'SA59',
  'SA33',
  'SA38',
  'SA39',
  'SA56',
  'SA65',
]);
const PHARMACIST_REFUSED_SECTORS = new Set(['SA31', 'SA32', 'SA46']);
/** **policy**: préparateurs are 38/39 (TRE_G15, deprecated 2024) and 316/317 (TRE_R85). */
const PHARMACY_TECHNICIANS = new Set(['38', '39', '316', '317']);
const OTHER_ALLOWED_PROFESSIONS = new Set(['40', '50', '60', '69', '70', '80', '91', '92', '94', '95', '96', '98']);

/** When every activity is refused, the most specific reason wins. */
const REASON_PRIORITY: readonly RefusalReason[] = [
  'occupational_medicine',
  'private_insurer',
  'profession_not_allowed',
];

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

type ActivityVerdict = { allowed: true } | { allowed: false; reason: RefusalReason };

function judgeActivity(exercice: PscExercice, activity: PscActivity): ActivityVerdict {
  const profession = exercice.codeProfession;
  const sector = activity.codeSecteurDactivite;
  if (
    (profession === '10' && exercice.codeSavoirFaire === OCCUPATIONAL_MEDICINE_SPECIALTY) ||
    (present(sector) && OCCUPATIONAL_MEDICINE_SECTORS.has(sector))
  ) {
    return { allowed: false, reason: 'occupational_medicine' };
  }
  if (present(sector) && INSURER_SECTORS.has(sector)) return { allowed: false, reason: 'private_insurer' };

  const refused: ActivityVerdict = { allowed: false, reason: 'profession_not_allowed' };
  if (!present(profession)) return refused;
  if (profession === '10') {
    const category = exercice.codeCategorieProfessionnelle;
    return present(category) && DOCTOR_CATEGORIES.has(category) ? { allowed: true } : refused;
  }
  if (profession === '21') {
    const section = activity.codeSectionPharmacien;
    if (
      (present(section) && PHARMACIST_REFUSED_SECTIONS.has(section)) ||
      (present(sector) && PHARMACIST_REFUSED_SECTORS.has(sector))
    ) {
      return refused;
    }
    const allowed =
      (present(section) && PHARMACIST_ALLOWED_SECTIONS.has(section)) ||
      (present(sector) && PHARMACIST_ALLOWED_SECTORS.has(sector));
    return allowed ? { allowed: true } : refused;
  }
  if (PHARMACY_TECHNICIANS.has(profession) || OTHER_ALLOWED_PROFESSIONS.has(profession)) return { allowed: true };
  return refused;
}

function toSituation(exercice: PscExercice, activity: PscActivity, id: string): Situation {
  const professionCode = exercice.codeProfession ?? '';
  const organisation =
    [activity.raisonSocialeSite, activity.enseigneCommercialeSite].map((v) => v?.trim()).find(present) ??
    'Structure non renseignée';
  return {
    id,
    professionCode,
    professionLabel: labelOf(professionLabels, professionCode) ?? 'Profession non renseignée',
    specialtyCode: present(exercice.codeSavoirFaire) ? exercice.codeSavoirFaire : null,
    organisation,
    organisationId: present(activity.identifiantTechniqueDeLaStructure)
      ? activity.identifiantTechniqueDeLaStructure
      : null,
    sectorCode: present(activity.codeSecteurDactivite) ? activity.codeSecteurDactivite : null,
    sectorLabel: labelOf(sectorLabels, activity.codeSecteurDactivite) ?? null,
    modeLabel: labelOf(modeLabels, activity.codeModeExercice) ?? null,
    city: activity.bureauCedex?.trim() || null,
  };
}

/**
 * Decide whether a professional may use Sesali, from PSC userinfo claims (untrusted: any shape).
 * Allowed when at least one activity qualifies; the qualifying activities are the situations to choose from.
 */
export function evaluateAccess(userinfo: unknown): AccessDecision {
  const parsed = pscUserinfoSchema.safeParse(userinfo);
  if (!parsed.success || parsed.data.SubjectRefPro === undefined) {
    return { decision: 'deny', reason: 'invalid_identity', situations: [] };
  }
  const exercices = parsed.data.SubjectRefPro.exercices ?? [];
  const situations: Situation[] = [];
  const reasons = new Set<RefusalReason>();
  let activityCount = 0;

  exercices.forEach((exercice, e) => {
    (exercice.activities ?? []).forEach((activity, a) => {
      activityCount += 1;
      const verdict = judgeActivity(exercice, activity);
      if (verdict.allowed) situations.push(toSituation(exercice, activity, `e${e}a${a}`));
      else reasons.add(verdict.reason);
    });
  });

  if (situations.length > 0) return { decision: 'allow', situations };
  if (activityCount === 0) return { decision: 'deny', reason: 'not_practising', situations: [] };
  const reason = REASON_PRIORITY.find((r) => reasons.has(r)) ?? 'profession_not_allowed';
  return { decision: 'deny', reason, situations: [] };
}
