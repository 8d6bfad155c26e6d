/**
 * `/patient/:ref`: before anything is asked of the patient's country, the professional checks that the
 * candidate found is the patient in front of them; only then does consent come (`/patient/:ref/consentement`).
 */
import { Link, useParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { patientCandidateSchema } from '@sesali/shared';
import { PatientIdentity } from '@/components/patient/patient-identity';
import { ApiClientError } from '@/lib/api-client';
import { usePatient } from '../api/get-patient';
import { NewSearchLink, PatientNotInSession } from './patient-not-in-session';

export function PatientConfirmationPage() {
  const { ref = '' } = useParams();
  if (!patientCandidateSchema.shape.ref.safeParse(ref).success) return <PatientNotInSession />;
  return <PatientConfirmation key={ref} patientRef={ref} />;
}

function PatientConfirmation({ patientRef: ref }: { patientRef: string }) {
  const patient = usePatient(ref);

  if (patient.isPending) return <p>Chargement…</p>;
  if (patient.isError) {
    if (patient.error instanceof ApiClientError && patient.error.code === 'not_found') return <PatientNotInSession />;
    return (
      <>
        <h1>Confirmer l’identité du patient</h1>
        <Alert severity="error" small description={patient.error.message} className={fr.cx('fr-mb-3w')} />
        <NewSearchLink />
      </>
    );
  }

  return (
    <>
      <h1>Confirmer l’identité du patient</h1>
      <p>
        Vérifiez avec le patient, ou sur sa pièce d’identité, que ces informations transmises par son pays sont bien les
        siennes.
      </p>
      <PatientIdentity patient={patient.data} />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        <li>
          <Link className={fr.cx('fr-btn')} to={`/patient/${ref}/consentement`}>
            Confirmer et recueillir le consentement
          </Link>
        </li>
        <li>
          <Link className={fr.cx('fr-btn', 'fr-btn--secondary')} to="/recherche">
            Ce n’est pas ce patient
          </Link>
        </li>
      </ul>
    </>
  );
}
