/**
 * The FAQ's conditions for a patient to be found, in its own words: shown in the help page and next to a
 * search that found nobody, so both always say the same.
 */
export function PatientEligibilityConditions() {
  return (
    <ul>
      <li>provenant d’un pays de l’Union européenne proposant le service ;</li>
      <li>ayant activé le service (selon les pays) ;</li>
      <li>ayant une synthèse médicale stockée dans l’infrastructure de son pays.</li>
    </ul>
  );
}
