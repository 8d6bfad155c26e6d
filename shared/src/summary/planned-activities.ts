/**
 * What a plan-of-care entry is, by the CDA element that carries it (the model's `activity`): an element name,
 * not a code, so no terminology names it. One table for whoever shows a planned activity.
 */
export const plannedActivitiesFr: Readonly<Record<string, string>> = {
  procedure: 'Acte',
  observation: 'Examen',
  act: 'Action de soins',
  substanceAdministration: 'Administration de médicament',
  encounter: 'Consultation',
  supply: 'Fourniture',
};

/** The French name of a planned activity (own keys only), or undefined for another element or resource type. */
export function plannedActivityFr(activity: string): string | undefined {
  return Object.hasOwn(plannedActivitiesFr, activity) ? plannedActivitiesFr[activity] : undefined;
}
