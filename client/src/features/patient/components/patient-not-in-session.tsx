/**
 * A `ref` this session never found (or a malformed one): the patient pages cannot ask the BFF about it, the
 * professional searches again.
 */
import { Link } from 'react-router';

export function NewSearchLink() {
  return (
    <p>
      <Link to="/recherche">Faire une nouvelle recherche</Link>
    </p>
  );
}

export function PatientNotInSession() {
  return (
    <>
      <h1>Patient introuvable dans cette session</h1>
      <p>
        Ce patient ne fait pas partie des résultats de vos recherches depuis votre connexion. Recherchez-le de nouveau.
      </p>
      <NewSearchLink />
    </>
  );
}
