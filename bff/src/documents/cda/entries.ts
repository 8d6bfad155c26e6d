/**
 * CDA `<entry>` → a typed model entry, by the section it sits in (eHDSI PS entry templates). Whatever cannot
 * be typed — an unexpected statement, an unknown section, a reader error — becomes an 'other' entry with what
 * could be read and its narrative reference: one model entry per `<entry>`, always.
 */
import type { CodedValue, Entry, EntryOf, Frequency, Observation, Reaction } from '@sesali/shared';
import { CODE_SYSTEMS } from '../../terminology/code-systems';
import { absenceKind } from '../absence';
import { documentDisplay } from '../display';
import type { SectionKind } from '../sections';
import type { XmlElement } from '../xml/xml-tree';
import { attr, child, childOf, children, elementChildren, path, referenceId, text } from './cda-dom';
import {
  codedValue,
  hl7VocabularyCode,
  identifier,
  identifiers,
  observationValue,
  period,
  periodStart,
  quantity,
  range,
  ratio,
  requiredCodedValue,
  resolveReference,
  type CdaContext,
} from './values';

const CLINICAL_STATEMENTS = new Set([
  'act',
  'observation',
  'substanceAdministration',
  'supply',
  'procedure',
  'organizer',
  'encounter',
  'observationMedia',
  'regionOfInterest',
]);

/** Codes fixed by templates: they name a structure, not clinical content, and are not shown. */
const STRUCTURAL_PANEL_CODES = new Set([`${CODE_SYSTEMS.snomed}|46680005`]);

const LOINC_STATUS = '33999-4';
const LOINC_CRITICALITY = '82606-5';
const LOINC_CERTAINTY = '66455-7';
const LOINC_HEALTH_STATUS = '11323-3';
const LOINC_DOSE_NUMBER = '30973-2';
const ACT_CODE_SEVERITY = 'SEV';

export function cdaEntry(entry: XmlElement, kind: SectionKind | undefined, context: CdaContext): Entry {
  const statement = elementChildren(entry).find((element) => CLINICAL_STATEMENTS.has(element.name));
  if (!statement) return { type: 'other', element: 'entry', reason: 'entry without a clinical statement' };
  try {
    const absence = knownAbsence(statement, context);
    if (absence) return absence;
    const mapped =
      (kind === undefined ? undefined : byKind(kind, statement, context)) ??
      otherEntry(
        statement,
        kind === undefined ? 'entry of a section of unknown kind' : `${statement.name} is not a ${kind} entry`,
        context,
      );
    const comments = annotations(statement, context);
    if (comments.length > 0) mapped.comments = comments;
    return mapped;
  } catch (error) {
    // A reader bug or a construct no reader expected: the entry is still kept, with its narrative reference.
    const message = error instanceof Error ? error.message : String(error);
    return {
      type: 'other',
      element: statement.name,
      reason: `could not be read (${message.slice(0, 200)})`,
      narrativeRef: referenceId(child(statement, 'text')),
    };
  }
}

function byKind(kind: SectionKind, statement: XmlElement, context: CdaContext): Entry | undefined {
  switch (kind) {
    case 'allergies':
      return allergy(statement, context);
    case 'medications':
      return medication(statement, context);
    case 'problems':
    case 'pastIllness':
      return problem(statement, context);
    case 'procedures':
      return procedure(statement, context);
    case 'devices':
      return device(statement, context);
    case 'immunizations':
      return immunization(statement, context);
    case 'socialHistory':
      return observationEntry('socialHistory', statement, context);
    case 'pregnancies':
      return observationEntry('pregnancy', statement, context);
    case 'advanceDirectives':
      return observationEntry('advanceDirective', statement, context);
    case 'vitalSigns':
      return observationGroup('vitalSign', statement, context);
    case 'results':
      return observationGroup('result', statement, context);
    case 'functionalStatus':
      return observationGroup('functionalStatus', statement, context);
    case 'planOfCare':
      return planOfCare(statement, context);
  }
}

// -----------------------------------------------------------------------------------------------------------
// Shared pieces

const base = (statement: XmlElement, fallback?: XmlElement) => ({
  id: identifier(child(statement, 'id')) ?? identifier(child(fallback, 'id')),
  narrativeRef: referenceId(child(statement, 'text')) ?? referenceId(child(fallback, 'text')),
});

/** The statement an `entryRelationship` holds (an observation, an act…). */
const relatedStatement = (relationship: XmlElement): XmlElement | undefined =>
  elementChildren(relationship).find((element) => CLINICAL_STATEMENTS.has(element.name));

/** The observation a concern act is about (SUBJ), or the statement itself when it is that observation. */
function concernObservation(statement: XmlElement): XmlElement | undefined {
  if (statement.name === 'observation') return statement;
  let first: XmlElement | undefined;
  for (const relationship of children(statement, 'entryRelationship')) {
    const observation = child(relationship, 'observation');
    if (observation === undefined) continue;
    if (attr(relationship, 'typeCode') === 'SUBJ') return observation;
    first ??= observation;
  }
  return first;
}

/** The value of the related observation whose code is `code`. */
function relatedValue(statement: XmlElement, code: string, context: CdaContext): CodedValue | undefined {
  for (const relationship of children(statement, 'entryRelationship')) {
    const observation = child(relationship, 'observation');
    if (attr(child(observation, 'code'), 'code') === code) return codedValue(child(observation, 'value'), context);
  }
  return undefined;
}

/** The statusCode of a concern act, as a plain code: the assessment's rules read it, the page does not. */
const concernStatusOf = (concern: XmlElement | undefined): string | undefined =>
  attr(child(concern, 'statusCode'), 'code');

/** The statusCode of a statement (HL7 ActStatus), translated like any coded value. */
const statusOf = (statement: XmlElement, context: CdaContext): CodedValue | undefined =>
  hl7VocabularyCode(attr(child(statement, 'statusCode'), 'code'), CODE_SYSTEMS.actStatus, 'ActStatus', context);

const LOINC_ANNOTATION = '48767-8';

/**
 * Annotation comments (LOINC 48767-8) of a statement and of the observation a concern holds: the text of the
 * comment act, inline or in the narrative. The document's words, shown as they are.
 */
function annotations(statement: XmlElement, context: CdaContext): string[] {
  const out: string[] = [];
  const observation = concernObservation(statement);
  const holders = observation && observation !== statement ? [statement, observation] : [statement];
  for (const holder of holders)
    for (const relationship of children(holder, 'entryRelationship')) {
      const act = child(relationship, 'act');
      if (attr(child(act, 'code'), 'code') !== LOINC_ANNOTATION) continue;
      const textElement = child(act, 'text');
      const reference = referenceId(textElement);
      const comment = (reference === undefined ? undefined : resolveReference(reference, context)) ?? text(textElement);
      if (comment !== undefined) out.push(comment);
    }
  return out;
}

// -----------------------------------------------------------------------------------------------------------
// Known absence: "no known allergies", "no information about medications"… wherever the template puts the code

function knownAbsence(statement: XmlElement, context: CdaContext): EntryOf<'knownAbsence'> | undefined {
  const observation = concernObservation(statement);
  // Where the templates put the code: the allergy/problem observation's value, the medication's or the
  // procedure's own code, the device's playingDevice code (and, seen in the wild, the product's code or the
  // allergy's agent).
  const candidates = [
    child(observation, 'value'),
    child(statement, 'code'),
    child(observation, 'code'),
    path(statement, 'consumable', 'manufacturedProduct', 'manufacturedMaterial', 'code'),
    path(statement, 'participant', 'participantRole', 'playingDevice', 'code'),
    path(observation, 'participant', 'participantRole', 'playingEntity', 'code'),
  ];
  for (const element of candidates) {
    const absence = absenceKind(attr(element, 'codeSystem'), attr(element, 'code'));
    if (absence === undefined) continue;
    const code = codedValue(element, context);
    if (code) return { ...base(statement, observation), type: 'knownAbsence', absence, code };
  }
  return undefined;
}

// -----------------------------------------------------------------------------------------------------------
// Allergies and intolerances

function allergy(statement: XmlElement, context: CdaContext): EntryOf<'allergy'> | undefined {
  const observation = concernObservation(statement);
  if (!observation) return undefined;
  const concern = statement === observation ? undefined : statement;
  const playingEntity = path(observation, 'participant', 'participantRole', 'playingEntity');
  const valueElement = child(observation, 'value');

  const reactions: Reaction[] = [];
  let severity: CodedValue | undefined;
  let criticality: CodedValue | undefined;
  let certainty: CodedValue | undefined;
  let status: CodedValue | undefined;
  for (const relationship of children(observation, 'entryRelationship')) {
    const element = child(relationship, 'observation');
    if (element === undefined) continue;
    const typeCode = attr(relationship, 'typeCode');
    const code = attr(child(element, 'code'), 'code');
    const value = child(element, 'value');
    if (code === ACT_CODE_SEVERITY) severity ??= codedValue(value, context);
    else if (code === LOINC_CRITICALITY) criticality ??= codedValue(value, context);
    else if (code === LOINC_CERTAINTY) certainty ??= codedValue(value, context);
    else if (code === LOINC_STATUS) status ??= codedValue(value, context);
    else if (typeCode === 'MFST') reactions.push(reaction(element, context));
  }

  const time = period(child(observation, 'effectiveTime')) ?? period(child(concern, 'effectiveTime'));
  return {
    ...base(concern ?? observation, observation),
    type: 'allergy' as const,
    allergyType: codedValue(child(observation, 'code'), context),
    agent: codedValue(child(playingEntity, 'code'), context) ?? codedValue(valueElement, context),
    agentName: text(child(playingEntity, 'name')),
    reactions,
    severity,
    criticality,
    status,
    certainty,
    onset: periodStart(time),
    end: time?.end,
    concernStatus: concernStatusOf(concern),
  };
}

/** EIVL_TS events are HL7 TimingEvent codes by the data type's definition, whether the system is written or not. */
function timingEvent(element: XmlElement | undefined, context: CdaContext): CodedValue | undefined {
  const value = codedValue(element, context);
  if (value && value.code !== undefined && value.codeSystem === undefined) {
    value.codeSystem = CODE_SYSTEMS.timingEvent;
    value.display = documentDisplay(value, context.lang);
  }
  return value;
}

function reaction(observation: XmlElement, context: CdaContext): Reaction {
  return {
    manifestation: requiredCodedValue(child(observation, 'value'), context),
    severity: relatedValue(observation, ACT_CODE_SEVERITY, context),
    onset: periodStart(period(child(observation, 'effectiveTime'))),
    narrativeRef: referenceId(child(observation, 'text')),
  };
}

// -----------------------------------------------------------------------------------------------------------
// Medication summary

function medication(statement: XmlElement, context: CdaContext): EntryOf<'medication'> | undefined {
  if (statement.name !== 'substanceAdministration') return undefined;
  const material = path(statement, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
  const container = childOf(child(material, 'asContent'), ['containerPackagedMedicine', 'containerPackagedProduct']);

  const ingredients = children(material, 'ingredient').map((ingredient) => {
    const substance = childOf(ingredient, ['ingredient', 'ingredientSubstance']);
    return {
      substance: codedValue(child(substance, 'code'), context),
      name: text(child(substance, 'name')),
      strength: ratio(child(ingredient, 'quantity'), context),
    };
  });

  let medicationPeriod;
  let frequency: Frequency | undefined;
  for (const effectiveTime of children(statement, 'effectiveTime')) {
    const type = effectiveTime.xsiType;
    if (type === 'PIVL_TS' || type === 'EIVL_TS' || type === 'SXPR_TS') {
      frequency ??= {
        period: quantity(child(effectiveTime, 'period'), context),
        event: timingEvent(child(effectiveTime, 'event'), context),
        institutionSpecified: attr(effectiveTime, 'institutionSpecified') === 'true' ? true : undefined,
        nullFlavor: attr(effectiveTime, 'nullFlavor'),
      };
    } else {
      medicationPeriod ??= period(effectiveTime);
    }
  }

  const doseElement = child(statement, 'doseQuantity');
  const dose = attr(doseElement, 'value') !== undefined ? quantity(doseElement, context) : undefined;
  const doseRange = attr(doseElement, 'value') === undefined ? range(doseElement, context) : undefined;
  const entryText = referenceId(child(statement, 'text'));
  // No coded posology (no dose, or only a nullFlavor; no frequency): the narrative text the entry points to is
  // the posology the prescriber wrote.
  const codedPosology =
    dose?.value !== undefined ||
    doseRange?.low?.value !== undefined ||
    doseRange?.high?.value !== undefined ||
    frequency?.period !== undefined ||
    frequency?.event !== undefined;
  const dosageText = codedPosology || entryText === undefined ? undefined : resolveReference(entryText, context);
  const reasons: CodedValue[] = [];
  for (const relationship of children(statement, 'entryRelationship')) {
    const element = relatedStatement(relationship);
    if (element === undefined || attr(relationship, 'typeCode') !== 'RSON') continue;
    const reason = codedValue(child(element, 'value'), context) ?? codedValue(child(element, 'code'), context);
    if (reason) reasons.push(reason);
  }

  return {
    ...base(statement),
    type: 'medication' as const,
    product: {
      name: text(child(material, 'name')),
      code: codedValue(child(material, 'code'), context),
      packageName: text(child(container, 'name')),
      packageSize: quantity(child(container, 'capacityQuantity'), context),
    },
    ingredients,
    doseForm: codedValue(child(material, 'formCode'), context),
    route: codedValue(child(statement, 'routeCode'), context),
    dose,
    doseRange,
    frequency,
    dosageText,
    period: medicationPeriod,
    reasons,
    status: statusOf(statement, context),
    productClass: codedValue(
      path(material, 'asSpecializedKind', 'generalizedMaterialKind', 'code') ??
        path(material, 'asSpecializedKind', 'generalizedMedicineClass', 'code'),
      context,
    ),
  };
}

// -----------------------------------------------------------------------------------------------------------
// Problems (active problems and history of past illness)

function problem(statement: XmlElement, context: CdaContext): EntryOf<'problem'> | undefined {
  const observation = concernObservation(statement);
  if (!observation) return undefined;
  const concern = statement === observation ? undefined : statement;
  const time = period(child(observation, 'effectiveTime')) ?? period(child(concern, 'effectiveTime'));
  return {
    ...base(concern ?? observation, observation),
    type: 'problem' as const,
    problemType: codedValue(child(observation, 'code'), context),
    code: requiredCodedValue(child(observation, 'value'), context),
    onset: periodStart(time),
    resolution: time?.end,
    status: relatedValue(observation, LOINC_STATUS, context),
    outcome: relatedValue(observation, LOINC_HEALTH_STATUS, context),
    concernStatus: concernStatusOf(concern),
  };
}

// -----------------------------------------------------------------------------------------------------------
// Procedures, devices, immunisations, plan of care

function procedure(statement: XmlElement, context: CdaContext): EntryOf<'procedure'> | undefined {
  if (!['procedure', 'act', 'observation'].includes(statement.name)) return undefined;
  const targetSites = children(statement, 'targetSiteCode')
    .map((site) => codedValue(site, context))
    .filter((site) => site !== undefined);
  return {
    ...base(statement),
    type: 'procedure' as const,
    code: requiredCodedValue(child(statement, 'code'), context, attr(statement, 'nullFlavor')),
    date: period(child(statement, 'effectiveTime')),
    status: statusOf(statement, context),
    targetSites: targetSites.length > 0 ? targetSites : undefined,
  };
}

function device(statement: XmlElement, context: CdaContext): EntryOf<'device'> | undefined {
  const participant =
    children(statement, 'participant').find((p) => attr(p, 'typeCode') === 'DEV') ??
    children(statement, 'participant').find((p) => path(p, 'participantRole', 'playingDevice') !== undefined);
  const role = child(participant, 'participantRole');
  const playingDevice = child(role, 'playingDevice');
  // `<supply nullFlavor="NA"/>`: a device entry that says why it is empty.
  const statementNullFlavor = attr(statement, 'nullFlavor');
  if (!playingDevice && statementNullFlavor === undefined) return undefined;
  return {
    ...base(statement),
    type: 'device' as const,
    code: requiredCodedValue(child(playingDevice, 'code'), context, statementNullFlavor),
    identifiers: identifiers(role),
    period: period(child(statement, 'effectiveTime')),
    status: statusOf(statement, context),
  };
}

function immunization(statement: XmlElement, context: CdaContext): EntryOf<'immunization'> | undefined {
  if (statement.name !== 'substanceAdministration') return undefined;
  const material = path(statement, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
  let doseNumber: string | undefined;
  for (const relationship of children(statement, 'entryRelationship')) {
    const element = child(relationship, 'observation');
    if (attr(child(element, 'code'), 'code') === LOINC_DOSE_NUMBER)
      doseNumber ??= attr(child(element, 'value'), 'value') ?? text(child(element, 'value'));
  }
  return {
    ...base(statement),
    type: 'immunization' as const,
    vaccine: requiredCodedValue(child(material, 'code'), context),
    productName: text(child(material, 'name')),
    date: periodStart(period(child(statement, 'effectiveTime'))),
    doseNumber,
    lotNumber: text(child(material, 'lotNumberText')),
    route: codedValue(child(statement, 'routeCode'), context),
    status: statusOf(statement, context),
    notGiven: attr(statement, 'negationInd') === 'true' ? true : undefined,
  };
}

function planOfCare(statement: XmlElement, context: CdaContext): EntryOf<'planOfCare'> {
  const material = path(statement, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
  return {
    ...base(statement),
    type: 'planOfCare' as const,
    code: codedValue(child(statement, 'code'), context) ?? requiredCodedValue(child(material, 'code'), context),
    effectiveTime: period(child(statement, 'effectiveTime')),
    status: statusOf(statement, context),
    mood: hl7VocabularyCode(attr(statement, 'moodCode'), CODE_SYSTEMS.actMood, 'ActMood', context),
    activity: statement.name,
  };
}

// -----------------------------------------------------------------------------------------------------------
// Observations: social history, pregnancies, advance directives; vital signs, results, functional status

function observationEntry<T extends 'socialHistory' | 'pregnancy' | 'advanceDirective'>(
  type: T,
  statement: XmlElement,
  context: CdaContext,
): Entry | undefined {
  if (statement.name !== 'observation') return undefined;
  return {
    ...base(statement),
    type,
    code: requiredCodedValue(child(statement, 'code'), context),
    value: observationValue(child(statement, 'value'), context),
    effectiveTime: period(child(statement, 'effectiveTime')),
  };
}

function observationGroup<T extends 'vitalSign' | 'result' | 'functionalStatus'>(
  type: T,
  statement: XmlElement,
  context: CdaContext,
): Entry | undefined {
  if (statement.name === 'observation') {
    const single = observation(statement, context);
    return {
      id: single.id,
      narrativeRef: single.narrativeRef,
      type,
      effectiveTime: single.effectiveTime,
      observations: [single],
    };
  }
  if (statement.name !== 'organizer') return undefined;
  const codeElement = child(statement, 'code');
  const structural = STRUCTURAL_PANEL_CODES.has(`${attr(codeElement, 'codeSystem')}|${attr(codeElement, 'code')}`);
  return {
    ...base(statement),
    type,
    panel: structural ? undefined : codedValue(codeElement, context),
    effectiveTime: period(child(statement, 'effectiveTime')),
    observations: organizerObservations(statement, context, 0),
  };
}

function organizerObservations(organizer: XmlElement, context: CdaContext, depth: number): Observation[] {
  const out: Observation[] = [];
  for (const component of children(organizer, 'component')) {
    for (const element of elementChildren(component)) {
      if (element.name === 'observation') out.push(observation(element, context));
      else if (element.name === 'organizer' && depth < 4)
        out.push(...organizerObservations(element, context, depth + 1));
    }
  }
  return out;
}

function observation(element: XmlElement, context: CdaContext): Observation {
  const referenceRangeValue = path(element, 'referenceRange', 'observationRange');
  const rangeText = text(child(referenceRangeValue, 'text'));
  const rangeValue = range(child(referenceRangeValue, 'value'), context);
  const interpretations = children(element, 'interpretationCode')
    .map((code) => codedValue(code, context))
    .filter((code) => code !== undefined);
  return {
    ...base(element),
    code: requiredCodedValue(child(element, 'code'), context),
    value: observationValue(child(element, 'value'), context),
    interpretations,
    referenceRange: rangeValue || rangeText ? { ...rangeValue, text: rangeText } : undefined,
    effectiveTime: period(child(element, 'effectiveTime')),
    status: statusOf(element, context),
  };
}

// -----------------------------------------------------------------------------------------------------------
// Anything else

function otherEntry(statement: XmlElement, reason: string, context: CdaContext): EntryOf<'other'> {
  const entryBase = base(statement);
  return {
    ...entryBase,
    type: 'other' as const,
    element: statement.name,
    reason,
    code: codedValue(child(statement, 'code'), context),
    value: observationValue(child(statement, 'value'), context),
    effectiveTime: period(child(statement, 'effectiveTime')),
    text:
      entryBase.narrativeRef === undefined
        ? text(child(statement, 'text'))
        : resolveReference(entryBase.narrativeRef, context),
  };
}
