/**
 * The PatientSummary model: what the BFF makes of an eHDSI Patient Summary (CDA L3 or HL7 Europe / IPS FHIR
 * Bundle) and what the SPA renders. Coded parts carry a French display chosen by the terminology catalogue;
 * each section keeps its original narrative as a whitelisted node tree (never raw HTML), and counts what the
 * parser saw and what it placed in the model, so that a test can prove no entry was dropped.
 *
 * Dates are ISO 8601 strings with the precision the document gave ("2015", "2015-02", "2015-02-01",
 * "2026-10-02T10:15:00+00:00"); a document value that is not a valid HL7 date is kept as it came.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------
// Coded values

/**
 * Where a display text comes from: a French designation (the catalogue's, or a document already written in
 * French); the MVC reference designation (en-GB, shown « en anglais »); the document's own term in another
 * language (shown « non traduit »); a French phrase for data the document says is missing (nullFlavor); or
 * « Terme non fourni » for a code that nobody names (neither the catalogue nor the document), shown with its
 * code and code system — never the bare code as if it were the term.
 */
export const displayLevelSchema = z.enum(['fr', 'en', 'original', 'absent', 'unnamed']);
export type DisplayLevel = z.infer<typeof displayLevelSchema>;

/**
 * Who wrote a designation: France's national terminology export (LTR/MTC), the project's own translation (to
 * be reviewed), the eHDSI MVC reference (en-GB), or the document itself.
 */
export const designationSourceSchema = z.enum(['national', 'project', 'mvc', 'document']);
export type DesignationSource = z.infer<typeof designationSourceSchema>;

export const displaySchema = z.object({
  /** Never empty: the SPA never shows an empty cell. */
  text: z.string().min(1),
  /** BCP 47 language of `text` (fr-FR, en-GB, or the document's language for original terms). */
  lang: z.string().min(1),
  level: displayLevelSchema,
  source: designationSourceSchema.optional(),
  /** For 'unnamed': the name of the code system, so the clinician can look the code up. */
  codeSystemLabel: z.string().optional(),
});
export type Display = z.infer<typeof displaySchema>;

/** A national code the sending country kept next to the MVC code (`<translation>`); not translated. */
export const codeTranslationSchema = z.object({
  code: z.string(),
  codeSystem: z.string(),
  codeSystemName: z.string().optional(),
  displayName: z.string().optional(),
});
export type CodeTranslation = z.infer<typeof codeTranslationSchema>;

export const codedValueSchema = z.object({
  code: z.string().optional(),
  codeSystem: z.string().optional(),
  codeSystemName: z.string().optional(),
  /** The value set (MVC OID when known) the catalogue found the concept in. */
  valueSet: z.string().optional(),
  /** The document's own displayName, in the document's language. */
  originalDisplay: z.string().optional(),
  /** NI, UNK, ASKU, NA, NASK, MSK, OTH…: the document says why there is no code. */
  nullFlavor: z.string().optional(),
  /** The original term of an unmapped concept (OTH): the national `translation/@displayName`. */
  originalText: z.string().optional(),
  /** The narrative element (its ID, without '#') holding this concept's original text. */
  narrativeRef: z.string().optional(),
  translations: z.array(codeTranslationSchema).optional(),
  display: displaySchema,
});
export type CodedValue = z.infer<typeof codedValueSchema>;

// ---------------------------------------------------------------------------------------------------------
// Data types

export const identifierSchema = z.object({
  root: z.string(),
  extension: z.string().optional(),
  /** Who issues identifiers of this root, when the OID is known (« Portugal — Número de utente (SNS) »). */
  issuer: z.string().optional(),
});
export type Identifier = z.infer<typeof identifierSchema>;

export const periodSchema = z.object({
  /** A point in time (the document gave one value rather than an interval). */
  value: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  nullFlavor: z.string().optional(),
  startNullFlavor: z.string().optional(),
  endNullFlavor: z.string().optional(),
});
export type Period = z.infer<typeof periodSchema>;

export const quantitySchema = z.object({
  /** Decimal as written in the document ("29.4"); the SPA formats it. */
  value: z.string().optional(),
  /** UCUM unit, translated like any coded value ("mm[Hg]" → « millimètre de mercure »). */
  unit: codedValueSchema.optional(),
  nullFlavor: z.string().optional(),
});
export type Quantity = z.infer<typeof quantitySchema>;

export const rangeSchema = z.object({
  low: quantitySchema.optional(),
  high: quantitySchema.optional(),
  text: z.string().optional(),
});
export type Range = z.infer<typeof rangeSchema>;

export const ratioSchema = z.object({ numerator: quantitySchema.optional(), denominator: quantitySchema.optional() });
export type Ratio = z.infer<typeof ratioSchema>;

/** An observation's value, by HL7 data type. Free text is in the document's language. */
export const observationValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coded'), coded: codedValueSchema }),
  z.object({ kind: z.literal('quantity'), quantity: quantitySchema }),
  z.object({ kind: z.literal('range'), range: rangeSchema }),
  z.object({ kind: z.literal('ratio'), ratio: ratioSchema }),
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
]);
export type ObservationValue = z.infer<typeof observationValueSchema>;

// ---------------------------------------------------------------------------------------------------------
// Narrative: the section's original text, as a whitelisted tree the SPA renders as React elements.

export const narrativeNodeTypes = [
  'paragraph',
  'content',
  'list',
  'item',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'br',
  'sub',
  'sup',
  'footnote',
  'text',
] as const;
export type NarrativeNodeType = (typeof narrativeNodeTypes)[number];

export const narrativeStyleCodes = ['Bold', 'Italics', 'Underline', 'Emphasis'] as const;

export const narrativeAttributesSchema = z.object({
  /** The element's ID, which entries point to (`narrativeRef`). */
  id: z.string().optional(),
  listType: z.enum(['ordered', 'unordered']).optional(),
  colspan: z.number().int().positive().optional(),
  rowspan: z.number().int().positive().optional(),
  styleCode: z.array(z.enum(narrativeStyleCodes)).optional(),
});
export type NarrativeAttributes = z.infer<typeof narrativeAttributesSchema>;

export interface NarrativeNode {
  type: NarrativeNodeType;
  /** Only on 'text' nodes: plain text, never markup. */
  text?: string;
  attributes?: NarrativeAttributes;
  children?: NarrativeNode[];
}

export const narrativeNodeSchema: z.ZodType<NarrativeNode> = z.object({
  type: z.enum(narrativeNodeTypes),
  text: z.string().optional(),
  attributes: narrativeAttributesSchema.optional(),
  children: z.lazy(() => z.array(narrativeNodeSchema)).optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Entries

const entryBase = {
  id: identifierSchema.optional(),
  /** The narrative element (its ID, without '#') this entry is the coded form of. */
  narrativeRef: z.string().optional(),
  /** Annotations (LOINC 48767-8) attached to the entry, in the document's language: shown, never translated. */
  comments: z.array(z.string()).optional(),
};

/**
 * Whether an entry is current, decided in the BFF from codes and dates (clinical status, concern status, end
 * date before today): current items are shown first, past ones in a collapsed group with their count.
 */
export const entryTimelineSchema = z.enum(['current', 'past']);
export type EntryTimeline = z.infer<typeof entryTimelineSchema>;

export const reactionSchema = z.object({
  manifestation: codedValueSchema,
  severity: codedValueSchema.optional(),
  onset: z.string().optional(),
  narrativeRef: z.string().optional(),
});
export type Reaction = z.infer<typeof reactionSchema>;

export const allergyEntrySchema = z.object({
  ...entryBase,
  type: z.literal('allergy'),
  /** Allergy, intolerance, propensity to adverse reaction… (eHDSIAdverseEventType). */
  allergyType: codedValueSchema.optional(),
  agent: codedValueSchema.optional(),
  /** The agent's name as written in the document. */
  agentName: z.string().optional(),
  reactions: z.array(reactionSchema),
  /** Severity stated for the allergy itself; each reaction may carry its own. */
  severity: codedValueSchema.optional(),
  criticality: codedValueSchema.optional(),
  status: codedValueSchema.optional(),
  certainty: codedValueSchema.optional(),
  onset: z.string().optional(),
  end: z.string().optional(),
  /** statusCode of the concern act (active, completed…): for the assessment's rules, not shown. */
  concernStatus: z.string().optional(),
  /**
   * The alert the allergy deserves, decided from codes in the BFF: high criticality (CRITH / `high`), else a
   * severe reaction (SNOMED CT 24484000 and the graver grades), else none. Never from display text.
   */
  risk: z.enum(['highCriticality', 'severeReaction']).optional(),
  /** Current (active, or no status said) or past (inactive, resolved, refuted, or ended before today). */
  timeline: entryTimelineSchema.optional(),
});

export const ingredientSchema = z.object({
  substance: codedValueSchema.optional(),
  name: z.string().optional(),
  strength: ratioSchema.optional(),
});
export type Ingredient = z.infer<typeof ingredientSchema>;

export const frequencySchema = z.object({
  /** "every <period>" (PIVL_TS): 24 h, 1 wk… */
  period: quantitySchema.optional(),
  /** Related to an event (EIVL_TS): before meals, at bedtime… */
  event: codedValueSchema.optional(),
  institutionSpecified: z.boolean().optional(),
  /** The document says the frequency is not given (e.g. taken as needed). */
  nullFlavor: z.string().optional(),
});
export type Frequency = z.infer<typeof frequencySchema>;

export const medicationEntrySchema = z.object({
  ...entryBase,
  type: z.literal('medication'),
  product: z.object({
    name: z.string().optional(),
    code: codedValueSchema.optional(),
    packageName: z.string().optional(),
    packageSize: quantitySchema.optional(),
  }),
  ingredients: z.array(ingredientSchema),
  doseForm: codedValueSchema.optional(),
  route: codedValueSchema.optional(),
  dose: quantitySchema.optional(),
  doseRange: rangeSchema.optional(),
  frequency: frequencySchema.optional(),
  /**
   * Free-text dosage instructions in the document's language: FHIR dosage.text, or — when the CDA codes no
   * posology — the narrative text the entry points to.
   */
  dosageText: z.string().optional(),
  period: periodSchema.optional(),
  reasons: z.array(codedValueSchema),
  /** HL7 ActStatus (CDA statusCode) or the FHIR resource's status, translated like any coded value. */
  status: codedValueSchema.optional(),
  /** The product's class (ATC), from the product's generalized kind (epsos:asSpecializedKind). */
  productClass: codedValueSchema.optional(),
  timeline: entryTimelineSchema.optional(),
});

export const problemEntrySchema = z.object({
  ...entryBase,
  type: z.literal('problem'),
  /** Disease, problem, finding… (eHDSICodeProb). */
  problemType: codedValueSchema.optional(),
  code: codedValueSchema,
  onset: z.string().optional(),
  /** When the problem ended. */
  resolution: z.string().optional(),
  status: codedValueSchema.optional(),
  /** Health status / resolution outcome (eHDSIResolutionOutcome). */
  outcome: codedValueSchema.optional(),
  concernStatus: z.string().optional(),
  timeline: entryTimelineSchema.optional(),
});

export const procedureEntrySchema = z.object({
  ...entryBase,
  type: z.literal('procedure'),
  code: codedValueSchema,
  date: periodSchema.optional(),
  status: codedValueSchema.optional(),
  targetSites: z.array(codedValueSchema).optional(),
});

export const deviceEntrySchema = z.object({
  ...entryBase,
  type: z.literal('device'),
  code: codedValueSchema,
  /** Device identifiers (UDI…). */
  identifiers: z.array(identifierSchema),
  /** Start: implanted / in use since; end: removed. */
  period: periodSchema.optional(),
  status: codedValueSchema.optional(),
});

export const immunizationEntrySchema = z.object({
  ...entryBase,
  type: z.literal('immunization'),
  vaccine: codedValueSchema,
  productName: z.string().optional(),
  date: z.string().optional(),
  doseNumber: z.string().optional(),
  lotNumber: z.string().optional(),
  route: codedValueSchema.optional(),
  status: codedValueSchema.optional(),
  /** The document records that the vaccine was NOT given (negationInd). */
  notGiven: z.boolean().optional(),
});

const observationEntryFields = {
  code: codedValueSchema,
  value: observationValueSchema.optional(),
  effectiveTime: periodSchema.optional(),
};

export const socialHistoryEntrySchema = z.object({
  ...entryBase,
  type: z.literal('socialHistory'),
  ...observationEntryFields,
});
export const pregnancyEntrySchema = z.object({ ...entryBase, type: z.literal('pregnancy'), ...observationEntryFields });
export const advanceDirectiveEntrySchema = z.object({
  ...entryBase,
  type: z.literal('advanceDirective'),
  ...observationEntryFields,
});

export const observationSchema = z.object({
  id: identifierSchema.optional(),
  narrativeRef: z.string().optional(),
  code: codedValueSchema,
  value: observationValueSchema.optional(),
  interpretations: z.array(codedValueSchema),
  referenceRange: rangeSchema.optional(),
  effectiveTime: periodSchema.optional(),
  status: codedValueSchema.optional(),
});
export type Observation = z.infer<typeof observationSchema>;

/** A panel (organizer) of observations, or a single observation (then `panel` is absent). */
const observationGroupFields = {
  panel: codedValueSchema.optional(),
  effectiveTime: periodSchema.optional(),
  interpretations: z.array(codedValueSchema).optional(),
  observations: z.array(observationSchema),
};

export const vitalSignEntrySchema = z.object({ ...entryBase, type: z.literal('vitalSign'), ...observationGroupFields });
export const resultEntrySchema = z.object({ ...entryBase, type: z.literal('result'), ...observationGroupFields });
export const functionalStatusEntrySchema = z.object({
  ...entryBase,
  type: z.literal('functionalStatus'),
  ...observationGroupFields,
});

export const planOfCareEntrySchema = z.object({
  ...entryBase,
  type: z.literal('planOfCare'),
  code: codedValueSchema,
  effectiveTime: periodSchema.optional(),
  status: codedValueSchema.optional(),
  /** HL7 ActMood (CDA moodCode: INT intended, RQO requested, APT appointment…) or the FHIR request's intent. */
  mood: codedValueSchema.optional(),
  /** What is planned: procedure, observation, act, substanceAdministration, encounter… */
  activity: z.string(),
});

/**
 * A statement that the section has nothing to report — "no known allergies" (`known`) — or that nothing is
 * known — "drug treatment unknown", "no information about problems" (`unknown`). Sent as IPS absent-and-unknown
 * codes or SNOMED CT situations; shown as one French sentence for its section, never as a row or an alert.
 */
export const knownAbsenceEntrySchema = z.object({
  ...entryBase,
  type: z.literal('knownAbsence'),
  absence: z.enum(['known', 'unknown']),
  code: codedValueSchema,
});

/** An entry the parser could not type: kept with what could be read, never dropped. */
export const otherEntrySchema = z.object({
  ...entryBase,
  type: z.literal('other'),
  /** The entry's element (act, observation, FHIR resource type…). */
  element: z.string(),
  /** Why it is not typed, for operators (English). */
  reason: z.string(),
  code: codedValueSchema.optional(),
  value: observationValueSchema.optional(),
  effectiveTime: periodSchema.optional(),
  /** The text of the narrative element the entry points to, in the document's language. */
  text: z.string().optional(),
});

export const entrySchema = z.discriminatedUnion('type', [
  allergyEntrySchema,
  medicationEntrySchema,
  problemEntrySchema,
  procedureEntrySchema,
  deviceEntrySchema,
  immunizationEntrySchema,
  socialHistoryEntrySchema,
  pregnancyEntrySchema,
  vitalSignEntrySchema,
  resultEntrySchema,
  planOfCareEntrySchema,
  functionalStatusEntrySchema,
  advanceDirectiveEntrySchema,
  knownAbsenceEntrySchema,
  otherEntrySchema,
]);
export type Entry = z.infer<typeof entrySchema>;
export type EntryType = Entry['type'];
export type EntryOf<T extends EntryType> = Extract<Entry, { type: T }>;

// ---------------------------------------------------------------------------------------------------------
// Sections

export const entryCountsSchema = z.object({
  /**
   * Entries found by a pass over the raw document that is independent of the parser (CDA: `<entry>` elements
   * of each section; FHIR: the section's entry references), so that a dropped entry shows.
   */
  seen: z.number().int().nonnegative(),
  /** Entries the model holds: typed entries, absence statements and 'other' entries. */
  mapped: z.number().int().nonnegative(),
});
export type EntryCounts = z.infer<typeof entryCountsSchema>;

export const sectionSchema = z.object({
  /** The section's LOINC code (absent only for an uncoded section of unknown kind). */
  loinc: z.string().optional(),
  /** The section's title as written in the document. */
  title: z.string(),
  /** French name of the section (for an unknown section without one: its original title). */
  titleFr: z.string(),
  /** Language of the narrative and of original terms. */
  lang: z.string(),
  narrative: z.array(narrativeNodeSchema),
  /** The document's narrative could not be read as markup; it is shown as plain text. */
  narrativeIssue: z.literal('unparsed').optional(),
  entries: z.array(entrySchema),
  counts: entryCountsSchema,
});
export type Section = z.infer<typeof sectionSchema>;

// ---------------------------------------------------------------------------------------------------------
// Header

export const personNameSchema = z.object({
  given: z.array(z.string()),
  family: z.array(z.string()),
  prefix: z.array(z.string()),
  suffix: z.array(z.string()),
  /** The name as one string, when the document gives no parts. */
  text: z.string().optional(),
  nullFlavor: z.string().optional(),
});
export type PersonName = z.infer<typeof personNameSchema>;

export const addressSchema = z.object({
  use: z.string().optional(),
  lines: z.array(z.string()),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  nullFlavor: z.string().optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const telecomSchema = z.object({
  system: z.enum(['phone', 'email', 'fax', 'url', 'other']),
  /** Without its scheme ("tel:", "mailto:"). */
  value: z.string().optional(),
  use: z.string().optional(),
  nullFlavor: z.string().optional(),
});
export type Telecom = z.infer<typeof telecomSchema>;

export const organisationSchema = z.object({
  identifiers: z.array(identifierSchema),
  name: z.string().optional(),
  addresses: z.array(addressSchema),
  telecoms: z.array(telecomSchema),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const patientSchema = z.object({
  identifiers: z.array(identifierSchema),
  names: z.array(personNameSchema),
  birthDate: z.string().optional(),
  gender: codedValueSchema.optional(),
  addresses: z.array(addressSchema),
  telecoms: z.array(telecomSchema),
  /** Languages the patient communicates in (BCP 47). */
  languages: z.array(z.string()),
});
export type Patient = z.infer<typeof patientSchema>;

/** A guardian, or another contact (next of kin, emergency contact, primary care physician…). */
export const contactSchema = z.object({
  relationship: codedValueSchema.optional(),
  function: codedValueSchema.optional(),
  /** HL7 RoleClass code: GUARD, ECON, NOK, PRS, CAREGIVER… (for rules; `role` is what is shown). */
  classCode: z.string().optional(),
  /** The role class as a coded value (HL7 RoleClass), built from `classCode` and translated. */
  role: codedValueSchema.optional(),
  names: z.array(personNameSchema),
  organisation: z.string().optional(),
  addresses: z.array(addressSchema),
  telecoms: z.array(telecomSchema),
});
export type Contact = z.infer<typeof contactSchema>;

export const authorSchema = z.object({
  kind: z.enum(['person', 'device', 'organisation']),
  time: z.string().optional(),
  identifiers: z.array(identifierSchema),
  name: personNameSchema.optional(),
  device: z.object({ manufacturerModelName: z.string().optional(), softwareName: z.string().optional() }).optional(),
  function: codedValueSchema.optional(),
  organisation: organisationSchema.optional(),
  addresses: z.array(addressSchema),
  telecoms: z.array(telecomSchema),
});
export type Author = z.infer<typeof authorSchema>;

export const legalAuthenticatorSchema = z.object({
  time: z.string().optional(),
  identifiers: z.array(identifierSchema),
  name: personNameSchema.optional(),
  organisation: organisationSchema.optional(),
});
export type LegalAuthenticator = z.infer<typeof legalAuthenticatorSchema>;

export const summaryHeaderSchema = z.object({
  documentId: identifierSchema.optional(),
  title: z.string(),
  creationDate: z.string().optional(),
  /** The document's language (BCP 47). */
  language: z.string(),
  /** ISO 3166 alpha-2 code of the sending country, when known. */
  country: z.string().optional(),
  patient: patientSchema,
  guardians: z.array(contactSchema),
  contacts: z.array(contactSchema),
  authors: z.array(authorSchema),
  custodian: organisationSchema.optional(),
  legalAuthenticator: legalAuthenticatorSchema.optional(),
});
export type SummaryHeader = z.infer<typeof summaryHeaderSchema>;

// ---------------------------------------------------------------------------------------------------------
// The summary

export const patientSummarySchema = z.object({
  format: z.enum(['cda', 'fhir']),
  header: summaryHeaderSchema,
  /** The sections of the eHDSI Patient Summary, in document order. */
  sections: z.array(sectionSchema),
  /** Any other section, kept with its own title and narrative. */
  unknownSections: z.array(sectionSchema),
  /** Totals over all sections, known and unknown. */
  counts: entryCountsSchema,
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;
