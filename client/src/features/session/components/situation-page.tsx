/** `/situation`: shown after login when several situations d'exercice qualify. */
import { Navigate } from 'react-router';
import { useSession } from '../api/get-session';
import { SituationPicker } from './situation-picker';

export function SituationPage() {
  const session = useSession();
  if (session.isPending) return <p>Chargement…</p>;
  if (!session.data) return <Navigate to="/" replace />;
  if (session.data.access.decision === 'deny')
    return <Navigate to={`/acces-refuse?raison=${session.data.access.reason}`} replace />;
  return (
    <>
      <h1>Choisir votre situation d’exercice</h1>
      <p>
        Plusieurs de vos activités permettent d’utiliser Sesali. Indiquez celle dans laquelle vous prenez en charge ce
        patient.
      </p>
      <SituationPicker situations={session.data.situations} current={session.data.situation} />
    </>
  );
}
