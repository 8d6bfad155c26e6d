/**
 * How a patient from another country reads in French wherever the SPA shows one (candidates of a search, the
 * confirmation page): dates as jj/mm/aaaa, sex in words, country names from the browser's French data.
 */
import { fr } from '@codegouvfr/react-dsfr';
import type { PatientCandidate } from '@sesali/shared';

export const NOT_GIVEN = 'Non renseigné';

export const genderLabels: Record<NonNullable<PatientCandidate['gender']>, string> = {
  F: 'Femme',
  M: 'Homme',
  UN: 'Non précisé',
};

/** ISO date (possibly partial, as countries send them) in French order; anything else as sent. */
export function formatBirthDate(value: string | null): string {
  if (!value) return NOT_GIVEN;
  const [, year, month, day] = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value) ?? [];
  if (!year) return value;
  return [day, month, year].filter(Boolean).join('/');
}

export function genderLabel(gender: PatientCandidate['gender']): string {
  return gender ? genderLabels[gender] : NOT_GIVEN;
}

const regionNames = new Intl.DisplayNames(['fr'], { type: 'region' });

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

export function patientName(patient: Pick<PatientCandidate, 'givenName' | 'familyName'>): string {
  return [patient.givenName, patient.familyName].filter(Boolean).join(' ') || NOT_GIVEN;
}

/** The demographics a professional checks with the patient before going further. */
export function PatientIdentity({ patient }: { patient: PatientCandidate }) {
  const rows: [string, string][] = [
    ['Prénom', patient.givenName ?? NOT_GIVEN],
    ['Nom', patient.familyName ?? NOT_GIVEN],
    ['Date de naissance', formatBirthDate(patient.birthDate)],
    ['Sexe', genderLabel(patient.gender)],
    ['Adresse', patient.address ?? NOT_GIVEN],
    ['Pays', countryName(patient.countryCode)],
  ];
  return (
    <dl className={fr.cx('fr-mb-4w')} data-testid="patient-identity">
      {rows.map(([term, value]) => (
        <div key={term} className="sesali-identity-row">
          <dt className={fr.cx('fr-text--bold')}>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
