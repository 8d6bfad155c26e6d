/**
 * Layout route of the pages that act on patients (search, confirmation): they call BFF endpoints that need a
 * logged-in professional, so a visitor is asked to log in first instead of meeting a string of 401 errors.
 * Refusals and the situation choice are the SessionGate's business.
 */
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Outlet } from 'react-router';
import { useSession } from '../api/get-session';
import { LoginButton } from './login-button';

export function LoginRequired() {
  const session = useSession();
  if (session.isPending) return <p>Chargement…</p>;
  if (session.isError) {
    return (
      <>
        <h1>Service momentanément indisponible</h1>
        <Alert severity="error" small description={session.error.message} />
      </>
    );
  }
  if (!session.data) {
    return (
      <>
        <h1>Connexion nécessaire</h1>
        <p>Connectez-vous avec votre carte CPS ou votre e-CPS pour rechercher un patient et consulter sa synthèse.</p>
        <p className={fr.cx('fr-mt-3w')}>
          <LoginButton />
        </p>
      </>
    );
  }
  return <Outlet />;
}
