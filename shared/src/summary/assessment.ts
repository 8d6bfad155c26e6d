/**
 * Clinical rules that decide how entries are presented, from codes and dates only — never from display text:
 * - an allergy's risk: high criticality (FHIR/eHDSI `high`, HL7 v3 `CRITH`), else a severe reaction (SNOMED CT
 *   24484000 severe, 442452003 life-threatening; « moderate to severe » is not severe);
 * - whether an allergy, a problem or a medication is current or past: an inactive, resolved or refuted status,
 *   a completed or aborted concern, or an end date before today makes it past.
 * The BFF applies them to every summary it sends (`assessSummary`); the SPA only reads the result.
 */
import type { CodedValue, Entry, EntryOf, EntryTimeline, PatientSummary } from './model';

const SNOMED = '2.16.840.1.113883.6.96';
const HL7_OBSERVATION_VALUE = '2.16.840.1.113883.5.1063';
const FHIR_CRITICALITY = '2.16.840.1.113883.4.642.4.130';
const FHIR_ALLERGY_CLINICAL = '2.16.840.1.113883.4.642.4.1373';
const FHIR_ALLERGY_VERIFICATION = '2.16.840.1.113883.4.642.4.1371';
const FHIR_CONDITION_CLINICAL = '2.16.840.1.113883.4.642.4.164';
const FHIR_CONDITION_VERIFICATION = '2.16.840.1.113883.4.642.4.1075';

type CodeSet = ReadonlySet<string>;
const codes = (...pairs: [string, string][]): CodeSet => new Set(pairs.map(([system, code]) => `${system}|${code}`));

const HIGH_CRITICALITY = codes([FHIR_CRITICALITY, 'high'], [HL7_OBSERVATION_VALUE, 'CRITH']);
const SEVERE = codes([SNOMED, '24484000'], [SNOMED, '442452003'], [SNOMED, '399166001']);
const PAST_STATUS = codes(
  [FHIR_ALLERGY_CLINICAL, 'inactive'],
  [FHIR_ALLERGY_CLINICAL, 'resolved'],
  [FHIR_ALLERGY_VERIFICATION, 'refuted'],
  [FHIR_CONDITION_CLINICAL, 'inactive'],
  [FHIR_CONDITION_CLINICAL, 'resolved'],
  [FHIR_CONDITION_CLINICAL, 'remission'],
  [FHIR_CONDITION_VERIFICATION, 'refuted'],
  [SNOMED, '73425007'], // inactive
  [SNOMED, '413322009'], // problem resolved
  [SNOMED, '410516002'], // known absent
);
/** Act statuses (HL7 ActStatus, and the FHIR statuses of the same meaning) that close a concern or a treatment. */
const CLOSED_ACT_STATUS = new Set([
  'completed',
  'aborted',
  'obsolete',
  'nullified',
  'cancelled',
  'stopped',
  'entered-in-error',
]);

const key = (value: CodedValue | undefined): string | undefined =>
  value?.code === undefined || value.codeSystem === undefined
    ? undefined
    : `${value.codeSystem.trim().replace(/^urn:oid:/, '')}|${value.code.trim()}`;
const isIn = (set: CodeSet, value: CodedValue | undefined): boolean => {
  const k = key(value);
  return k !== undefined && set.has(k);
};

/** The last day an ISO date of any precision can mean ("2015" → "2015-12-31"); undefined when not a date. */
function lastDay(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return undefined;
  const [, year, month, dayOfMonth] = match;
  if (dayOfMonth !== undefined) return `${year}-${month}-${dayOfMonth}`;
  if (month !== undefined) {
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return `${year}-${month}-${String(days).padStart(2, '0')}`;
  }
  return `${year}-12-31`;
}

/** An end strictly before today (a stop date of today still counts as current). */
const endedBefore = (end: string | undefined, today: string): boolean => {
  const day = lastDay(end);
  return day !== undefined && day < today;
};

export function allergyRisk(allergy: EntryOf<'allergy'>): EntryOf<'allergy'>['risk'] {
  if (isIn(HIGH_CRITICALITY, allergy.criticality)) return 'highCriticality';
  if (isIn(SEVERE, allergy.severity) || allergy.reactions.some((reaction) => isIn(SEVERE, reaction.severity)))
    return 'severeReaction';
  return undefined;
}

export function allergyTimeline(allergy: EntryOf<'allergy'>, today: string): EntryTimeline {
  if (isIn(PAST_STATUS, allergy.status) || isIn(PAST_STATUS, allergy.certainty)) return 'past';
  if (allergy.concernStatus !== undefined && CLOSED_ACT_STATUS.has(allergy.concernStatus)) return 'past';
  return endedBefore(allergy.end, today) ? 'past' : 'current';
}

export function problemTimeline(problem: EntryOf<'problem'>, today: string): EntryTimeline {
  if (isIn(PAST_STATUS, problem.status) || isIn(PAST_STATUS, problem.outcome)) return 'past';
  if (problem.concernStatus !== undefined && CLOSED_ACT_STATUS.has(problem.concernStatus)) return 'past';
  return endedBefore(problem.resolution, today) ? 'past' : 'current';
}

export function medicationTimeline(medication: EntryOf<'medication'>, today: string): EntryTimeline {
  // By code alone: CDA ActStatus and the FHIR statuses share the codes that close a treatment.
  const status = medication.status?.code;
  if (status !== undefined && CLOSED_ACT_STATUS.has(status)) return 'past';
  return endedBefore(medication.period?.end, today) ? 'past' : 'current';
}

function assessEntry(entry: Entry, today: string): Entry {
  switch (entry.type) {
    case 'allergy':
      return { ...entry, risk: allergyRisk(entry), timeline: allergyTimeline(entry, today) };
    case 'problem':
      return { ...entry, timeline: problemTimeline(entry, today) };
    case 'medication':
      return { ...entry, timeline: medicationTimeline(entry, today) };
    case 'procedure':
    case 'device':
    case 'immunization':
    case 'socialHistory':
    case 'pregnancy':
    case 'vitalSign':
    case 'result':
    case 'planOfCare':
    case 'functionalStatus':
    case 'advanceDirective':
    case 'knownAbsence':
    case 'other':
      return entry;
  }
}

/** The summary with every allergy, problem and medication assessed; `today` is an ISO date (YYYY-MM-DD). */
export function assessSummary(summary: PatientSummary, today: string): PatientSummary {
  const assess = (section: PatientSummary['sections'][number]) => ({
    ...section,
    entries: section.entries.map((entry) => assessEntry(entry, today)),
  });
  return { ...summary, sections: summary.sections.map(assess), unknownSections: summary.unknownSections.map(assess) };
}
