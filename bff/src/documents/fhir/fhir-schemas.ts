/**
 * The shape of what the BFF reads in an HL7 Europe Patient Summary / IPS document Bundle, as zod schemas.
 * Loose: unknown properties pass, only the fields we read are checked. Resources are checked one by one
 * where they are used; one bad resource becomes an 'other' entry, not a refused document.
 */
import { z } from 'zod';

export const codingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const codeableConceptSchema = z.looseObject({
  coding: z.array(codingSchema).optional(),
  text: z.string().optional(),
});
export type FhirCodeableConcept = z.infer<typeof codeableConceptSchema>;

export const referenceSchema = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
export type FhirReference = z.infer<typeof referenceSchema>;

export const identifierSchema = z.looseObject({ system: z.string().optional(), value: z.string().optional() });
export const periodSchema = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
export const quantitySchema = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
export type FhirQuantity = z.infer<typeof quantitySchema>;
export const rangeSchema = z.looseObject({ low: quantitySchema.optional(), high: quantitySchema.optional() });
export const ratioSchema = z.looseObject({
  numerator: quantitySchema.optional(),
  denominator: quantitySchema.optional(),
});
export const humanNameSchema = z.looseObject({
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
  prefix: z.array(z.string()).optional(),
  suffix: z.array(z.string()).optional(),
});
export const addressSchema = z.looseObject({
  use: z.string().optional(),
  line: z.array(z.string()).optional(),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
});
export const contactPointSchema = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
  use: z.string().optional(),
});
const narrativeSchema = z.looseObject({ status: z.string().optional(), div: z.string() });

const valueFields = {
  valueQuantity: quantitySchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().optional(),
  valueRange: rangeSchema.optional(),
  valueRatio: ratioSchema.optional(),
  valueDateTime: z.string().optional(),
  valuePeriod: periodSchema.optional(),
};
export type FhirValueFields = { [K in keyof typeof valueFields]?: z.infer<(typeof valueFields)[K]> };

// ---------------------------------------------------------------------------------------------------------
// Bundle and Composition

export const compositionSectionSchema = z.looseObject({
  title: z.string().optional(),
  code: codeableConceptSchema.optional(),
  text: narrativeSchema.optional(),
  entry: z.array(referenceSchema).optional(),
  // Nested sections are read one level at a time (bounded depth), not by a recursive schema.
  section: z.array(z.unknown()).optional(),
});
export type FhirCompositionSection = z.infer<typeof compositionSectionSchema>;

export const compositionSchema = z.looseObject({
  resourceType: z.literal('Composition'),
  identifier: identifierSchema.optional(),
  status: z.string().optional(),
  type: codeableConceptSchema.optional(),
  subject: referenceSchema.optional(),
  date: z.string().optional(),
  author: z.array(referenceSchema).optional(),
  title: z.string().optional(),
  language: z.string().optional(),
  attester: z
    .array(
      z.looseObject({ mode: z.string().optional(), time: z.string().optional(), party: referenceSchema.optional() }),
    )
    .optional(),
  custodian: referenceSchema.optional(),
  section: z.array(compositionSectionSchema).optional(),
});
export type FhirComposition = z.infer<typeof compositionSchema>;

export const resourceSchema = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });
export type FhirResource = z.infer<typeof resourceSchema>;

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('document'),
  identifier: identifierSchema.optional(),
  timestamp: z.string().optional(),
  language: z.string().optional(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: resourceSchema })).min(1),
});

// ---------------------------------------------------------------------------------------------------------
// Resources

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  telecom: z.array(contactPointSchema).optional(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  address: z.array(addressSchema).optional(),
  communication: z.array(z.looseObject({ language: codeableConceptSchema.optional() })).optional(),
  contact: z
    .array(
      z.looseObject({
        relationship: z.array(codeableConceptSchema).optional(),
        name: humanNameSchema.optional(),
        telecom: z.array(contactPointSchema).optional(),
        address: addressSchema.optional(),
        organization: referenceSchema.optional(),
      }),
    )
    .optional(),
});

export const practitionerSchema = z.looseObject({
  resourceType: z.literal('Practitioner'),
  identifier: z.array(identifierSchema).optional(),
  name: z.array(humanNameSchema).optional(),
  telecom: z.array(contactPointSchema).optional(),
  address: z.array(addressSchema).optional(),
});
export const practitionerRoleSchema = z.looseObject({
  resourceType: z.literal('PractitionerRole'),
  practitioner: referenceSchema.optional(),
  organization: referenceSchema.optional(),
  code: z.array(codeableConceptSchema).optional(),
});
export const organizationSchema = z.looseObject({
  resourceType: z.literal('Organization'),
  identifier: z.array(identifierSchema).optional(),
  name: z.string().optional(),
  telecom: z.array(contactPointSchema).optional(),
  address: z.array(addressSchema).optional(),
});
export const deviceSchema = z.looseObject({
  resourceType: z.literal('Device'),
  identifier: z.array(identifierSchema).optional(),
  udiCarrier: z
    .array(
      z.looseObject({
        deviceIdentifier: z.string().optional(),
        issuer: z.string().optional(),
        carrierHRF: z.string().optional(),
      }),
    )
    .optional(),
  type: codeableConceptSchema.optional(),
  deviceName: z.array(z.looseObject({ name: z.string().optional() })).optional(),
  manufacturer: z.string().optional(),
  modelNumber: z.string().optional(),
});

export const allergyIntoleranceSchema = z.looseObject({
  resourceType: z.literal('AllergyIntolerance'),
  clinicalStatus: codeableConceptSchema.optional(),
  verificationStatus: codeableConceptSchema.optional(),
  type: z.string().optional(),
  criticality: z.string().optional(),
  code: codeableConceptSchema.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: periodSchema.optional(),
  lastOccurrence: z.string().optional(),
  reaction: z
    .array(
      z.looseObject({
        manifestation: z.array(codeableConceptSchema).optional(),
        severity: z.string().optional(),
        onset: z.string().optional(),
      }),
    )
    .optional(),
});

export const medicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  code: codeableConceptSchema.optional(),
  form: codeableConceptSchema.optional(),
  ingredient: z
    .array(
      z.looseObject({
        itemCodeableConcept: codeableConceptSchema.optional(),
        itemReference: referenceSchema.optional(),
        isActive: z.boolean().optional(),
        strength: ratioSchema.optional(),
      }),
    )
    .optional(),
});

const dosageSchema = z.looseObject({
  text: z.string().optional(),
  asNeededBoolean: z.boolean().optional(),
  timing: z
    .looseObject({
      repeat: z
        .looseObject({
          frequency: z.number().optional(),
          period: z.number().optional(),
          periodUnit: z.string().optional(),
          when: z.array(z.string()).optional(),
        })
        .optional(),
      code: codeableConceptSchema.optional(),
    })
    .optional(),
  route: codeableConceptSchema.optional(),
  doseAndRate: z
    .array(z.looseObject({ doseQuantity: quantitySchema.optional(), doseRange: rangeSchema.optional() }))
    .optional(),
});

export const medicationStatementSchema = z.looseObject({
  resourceType: z.enum(['MedicationStatement', 'MedicationRequest']),
  status: z.string().optional(),
  medicationReference: referenceSchema.optional(),
  medicationCodeableConcept: codeableConceptSchema.optional(),
  effectivePeriod: periodSchema.optional(),
  effectiveDateTime: z.string().optional(),
  authoredOn: z.string().optional(),
  dosage: z.array(dosageSchema).optional(),
  dosageInstruction: z.array(dosageSchema).optional(),
  reasonCode: z.array(codeableConceptSchema).optional(),
  reasonReference: z.array(referenceSchema).optional(),
});

export const conditionSchema = z.looseObject({
  resourceType: z.literal('Condition'),
  clinicalStatus: codeableConceptSchema.optional(),
  category: z.array(codeableConceptSchema).optional(),
  code: codeableConceptSchema.optional(),
  onsetDateTime: z.string().optional(),
  onsetPeriod: periodSchema.optional(),
  abatementDateTime: z.string().optional(),
  abatementPeriod: periodSchema.optional(),
});

export const procedureSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  status: z.string().optional(),
  code: codeableConceptSchema.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: periodSchema.optional(),
  bodySite: z.array(codeableConceptSchema).optional(),
});

export const deviceUseStatementSchema = z.looseObject({
  resourceType: z.literal('DeviceUseStatement'),
  status: z.string().optional(),
  device: referenceSchema.optional(),
  timingDateTime: z.string().optional(),
  timingPeriod: periodSchema.optional(),
  recordedOn: z.string().optional(),
});

export const immunizationSchema = z.looseObject({
  resourceType: z.literal('Immunization'),
  status: z.string().optional(),
  vaccineCode: codeableConceptSchema.optional(),
  occurrenceDateTime: z.string().optional(),
  occurrenceString: z.string().optional(),
  lotNumber: z.string().optional(),
  route: codeableConceptSchema.optional(),
  protocolApplied: z
    .array(z.looseObject({ doseNumberPositiveInt: z.number().optional(), doseNumberString: z.string().optional() }))
    .optional(),
});

export const observationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id: z.string().optional(),
  status: z.string().optional(),
  code: codeableConceptSchema.optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: periodSchema.optional(),
  interpretation: z.array(codeableConceptSchema).optional(),
  referenceRange: z
    .array(
      z.looseObject({ low: quantitySchema.optional(), high: quantitySchema.optional(), text: z.string().optional() }),
    )
    .optional(),
  component: z.array(z.looseObject({ code: codeableConceptSchema.optional(), ...valueFields })).optional(),
  hasMember: z.array(referenceSchema).optional(),
  ...valueFields,
});
export type FhirObservation = z.infer<typeof observationSchema>;

/** Anything planned (plan of care section). */
export const plannedActivitySchema = z.looseObject({
  resourceType: z.string(),
  status: z.string().optional(),
  intent: z.string().optional(),
  code: codeableConceptSchema.optional(),
  category: z.array(codeableConceptSchema).optional(),
  occurrenceDateTime: z.string().optional(),
  occurrencePeriod: periodSchema.optional(),
  period: periodSchema.optional(),
  activity: z
    .array(z.looseObject({ detail: z.looseObject({ code: codeableConceptSchema.optional() }).optional() }))
    .optional(),
});
