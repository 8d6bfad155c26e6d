/**
 * An Observation → the entry its section calls for: one observation (social history, pregnancy, advance
 * directive), or a vital-sign, result or functional-status entry — a panel of components (blood pressure) or
 * of referenced observations, else a single observation.
 */
import type { Entry, Observation } from '@sesali/shared';
import type { SectionKind } from '../sections';
import { STATUS_SYSTEMS } from './code-systems';
import { observationSchema, type FhirObservation, type FhirResource } from './fhir-schemas';
import {
  coded,
  codedList,
  entryId,
  observationValue,
  parseResource,
  period,
  quantity,
  requiredCoded,
  resourceCode,
  type FhirContext,
} from './values';

/** Observation sections whose entries are one observation each, and those whose entries are panels. */
const SINGLE_OBSERVATION_TYPES: Partial<Record<SectionKind, 'socialHistory' | 'pregnancy' | 'advanceDirective'>> = {
  socialHistory: 'socialHistory',
  pregnancies: 'pregnancy',
  advanceDirectives: 'advanceDirective',
};
const OBSERVATION_GROUP_TYPES: Partial<Record<SectionKind, 'vitalSign' | 'result' | 'functionalStatus'>> = {
  vitalSigns: 'vitalSign',
  results: 'result',
  functionalStatus: 'functionalStatus',
};

export function observationEntry(
  resource: FhirResource,
  kind: SectionKind | undefined,
  context: FhirContext,
): Entry | undefined {
  if (kind === undefined) return undefined;
  const observation = parseResource(observationSchema, resource);
  const effectiveTime = period(observation.effectivePeriod, observation.effectiveDateTime);

  const singleType = SINGLE_OBSERVATION_TYPES[kind];
  if (singleType !== undefined)
    return {
      id: entryId(resource),
      type: singleType,
      code: requiredCoded(observation.code, context),
      value: observationValue(observation, context),
      effectiveTime,
    };

  const groupType = OBSERVATION_GROUP_TYPES[kind];
  if (groupType === undefined) return undefined;
  const interpretations = codedList(observation.interpretation, context);
  const members = (observation.hasMember ?? [])
    .map((reference) => observationSchema.safeParse(context.resolve(reference)))
    .flatMap((parsed) => (parsed.success ? [singleObservation(parsed.data, context)] : []));
  const components = (observation.component ?? []).map((component): Observation => ({
    code: requiredCoded(component.code, context),
    value: observationValue(component, context),
    interpretations: [],
    effectiveTime,
  }));
  // A blood-pressure panel (components) or a panel of referenced observations; otherwise one observation.
  const grouped = components.length > 0 || members.length > 0;
  return {
    id: entryId(resource),
    type: groupType,
    panel: grouped ? coded(observation.code, context) : undefined,
    effectiveTime,
    interpretations: grouped && interpretations.length > 0 ? interpretations : undefined,
    observations: grouped ? [...components, ...members] : [singleObservation(observation, context)],
  };
}

function singleObservation(observation: FhirObservation, context: FhirContext): Observation {
  const referenceRange = observation.referenceRange?.[0];
  return {
    id: entryId(observation),
    code: requiredCoded(observation.code, context),
    value: observationValue(observation, context),
    interpretations: codedList(observation.interpretation, context),
    referenceRange: referenceRange
      ? {
          low: quantity(referenceRange.low, context),
          high: quantity(referenceRange.high, context),
          text: referenceRange.text,
        }
      : undefined,
    effectiveTime: period(observation.effectivePeriod, observation.effectiveDateTime),
    status: resourceCode(observation.status, STATUS_SYSTEMS.Observation, context),
  };
}
