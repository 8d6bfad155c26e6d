/**
 * The value sets that shape the page (routes, dose forms, units, reactions, allergy types, criticality,
 * severity, certainty, statuses, blood group, pregnancy and social history, null flavours, absent-or-unknown
 * codes, section titles, display labels, and the HL7/FHIR statuses, moods and roles the viewer shows): each must
 * be entirely in French with the shipped catalogue alone. The coverage command prints it; a test asserts it.
 */
import { MVC_PREFIX, type TerminologyCatalogue } from './catalogue';

const mvc = (number: number): string => `${MVC_PREFIX}${number}`;

export const PAGE_VALUE_SETS: Record<string, string> = {
  [mvc(2)]: 'eHDSIDoseForm',
  [mvc(9)]: 'eHDSIPregnancyInformation',
  [mvc(11)]: 'eHDSIReactionAllergy',
  [mvc(12)]: 'eHDSIRouteofAdministration',
  [mvc(13)]: 'eHDSISeverity',
  [mvc(14)]: 'eHDSISocialHistory',
  [mvc(15)]: 'eHDSIStatusCode',
  [mvc(16)]: 'eHDSIUnit',
  [mvc(18)]: 'eHDSIAdverseEventType',
  [mvc(20)]: 'eHDSIBloodGroup',
  [mvc(26)]: 'eHDSISection',
  [mvc(30)]: 'eHDSIResolutionOutcome',
  [mvc(37)]: 'eHDSINullFlavor',
  [mvc(39)]: 'eHDSIRoleClass',
  [mvc(46)]: 'eHDSIDisplayLabel',
  [mvc(47)]: 'eHDSIAbsentOrUnknownAllergy',
  [mvc(48)]: 'eHDSIAbsentOrUnknownDevice',
  [mvc(49)]: 'eHDSIAbsentOrUnknownMedication',
  [mvc(50)]: 'eHDSIAbsentOrUnknownProblem',
  [mvc(51)]: 'eHDSIAbsentOrUnknownProcedure',
  [mvc(56)]: 'eHDSIQuantityUnit',
  [mvc(57)]: 'eHDSICriticality',
  [mvc(58)]: 'eHDSIAllergyCertainty',
  [mvc(59)]: 'eHDSIAllergyStatus',
  [mvc(60)]: 'eHDSICurrentPregnancyStatus',
  [mvc(62)]: 'eHDSIOutcomeOfPregnancy',
  [mvc(64)]: 'eHDSICertainty',
  // The project's own: the HL7 and FHIR statuses, moods and intents, and contact role classes.
  '2.25.68538609710554954479772118899481831104': 'SesaliActStatus',
  '2.25.73918302111435523923680171934122680620': 'SesaliActMood',
  '2.25.92251722811016728233456567377392169200': 'SesaliRoleClassContact',
  '2.25.45365975578735586033194354352448375437': 'SesaliFhirStatus',
  '2.25.57612010174180123280064949238804773363': 'SesaliFhirIntent',
};

/** Which of them are not entirely in French, with how many concepts lack a French designation. */
export function pageValueSetsNotFrench(
  catalogue: TerminologyCatalogue,
): { oid: string; name: string; missing: number }[] {
  return Object.entries(PAGE_VALUE_SETS).flatMap(([oid, name]) => {
    const coverage = catalogue.valueSetFrenchCoverage(oid);
    const missing = coverage ? coverage.missing.length : Number.POSITIVE_INFINITY;
    return missing === 0 ? [] : [{ oid, name, missing }];
  });
}
