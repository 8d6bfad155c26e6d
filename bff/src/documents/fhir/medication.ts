/**
 * A MedicationStatement or MedicationRequest (and the Medication it points to) → a medication entry: the
 * product and its ingredients, dose form, route, dose, frequency, dosage text, period, reasons (coded, or the
 * Conditions referenced) and status.
 */
import type { CodedValue, EntryOf, Quantity } from '@sesali/shared';
import { withDocumentDisplay } from '../display';
import { STATUS_SYSTEMS } from './code-systems';
import { conditionSchema, medicationSchema, medicationStatementSchema, type FhirResource } from './fhir-schemas';
import {
  coded,
  codedFromCodings,
  entryId,
  parseResource,
  period,
  quantity,
  range,
  ratio,
  resourceCode,
  ucum,
  type FhirContext,
} from './values';

export function medication(resource: FhirResource, context: FhirContext): EntryOf<'medication'> {
  const statement = parseResource(medicationStatementSchema, resource);
  const referenced = context.resolve(statement.medicationReference);
  const medicationResource =
    referenced?.resourceType === 'Medication' ? parseResource(medicationSchema, referenced) : undefined;
  const productConcept = medicationResource?.code ?? statement.medicationCodeableConcept;
  const dosage = statement.dosage?.[0] ?? statement.dosageInstruction?.[0];
  const repeat = dosage?.timing?.repeat;
  const doseAndRate = dosage?.doseAndRate?.[0];

  const reasons: CodedValue[] = [];
  for (const reason of statement.reasonCode ?? []) {
    const value = coded(reason, context);
    if (value) reasons.push(value);
  }
  for (const reference of statement.reasonReference ?? []) {
    const condition = conditionSchema.safeParse(context.resolve(reference));
    const value = condition.success ? coded(condition.data.code, context) : undefined;
    if (value) reasons.push(value);
  }

  let frequencyPeriod: Quantity | undefined;
  if (repeat?.period !== undefined && repeat.periodUnit !== undefined) {
    const perDose = repeat.period / (repeat.frequency && repeat.frequency > 0 ? repeat.frequency : 1);
    frequencyPeriod = { value: String(Number(perDose.toPrecision(6))), unit: ucum(repeat.periodUnit, context) };
  }
  const event = repeat?.when?.[0];

  return {
    id: entryId(resource),
    type: 'medication' as const,
    product: {
      name: productConcept?.text,
      code: codedFromCodings(productConcept?.coding ?? [], undefined, context),
    },
    ingredients: (medicationResource?.ingredient ?? []).map((ingredient) => ({
      substance: coded(ingredient.itemCodeableConcept, context),
      name: ingredient.itemCodeableConcept?.text,
      strength: ratio(ingredient.strength, context),
    })),
    doseForm: coded(medicationResource?.form, context),
    route: coded(dosage?.route, context),
    dose: quantity(doseAndRate?.doseQuantity, context),
    doseRange: range(doseAndRate?.doseRange, context),
    frequency:
      frequencyPeriod || event
        ? {
            period: frequencyPeriod,
            event:
              event === undefined
                ? undefined
                : withDocumentDisplay({ code: event, codeSystem: 'http://hl7.org/fhir/event-timing' }, context.lang),
          }
        : undefined,
    dosageText: dosage?.text,
    period: period(statement.effectivePeriod, statement.effectiveDateTime ?? statement.authoredOn),
    reasons,
    status: resourceCode(statement.status, STATUS_SYSTEMS[statement.resourceType], context),
  };
}
