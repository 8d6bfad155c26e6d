/**
 * `/`: what the service is, the way in (logged out) or the professional's next step (logged in), and whose
 * patients can be looked up (`countries`, given by the route: another feature's section).
 */
import { fr } from '@codegouvfr/react-dsfr';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LoginButton } from '@/features/session/components/login-button';
import { useSession } from '@/features/session/api/get-session';

export function HomePage({ countries }: { countries?: ReactNode }) {
  const session = useSession();
  return (
    <>
      <h1>Consulter la synthèse médicale d’un patient européen</h1>
      <p className={fr.cx('fr-text--lead')}>
        Avec Sesali, vous consultez en français, de manière sécurisée, la synthèse médicale d’un patient venant d’un
        autre pays de l’Union européenne, transmise par le réseau MaSanté@UE.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-4w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h2 className={fr.cx('fr-h6')}>1. Identifier le patient</h2>
          <p>Choisissez son pays, puis saisissez les identifiants que ce pays demande.</p>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h2 className={fr.cx('fr-h6')}>2. Recueillir son consentement</h2>
          <p>Remettez-lui la notice d’information dans sa langue ; il la signe et vous la conservez.</p>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <h2 className={fr.cx('fr-h6')}>3. Lire sa synthèse</h2>
          <p>Les données codées sont traduites en français ; le texte libre reste dans la langue d’origine.</p>
        </div>
      </div>
      {session.data ? (
        <CallOut
          title={`Bonjour ${session.data.professional.givenName} ${session.data.professional.familyName}`}
          titleAs="h2"
        >
          Vous êtes connecté
          {session.data.situation
            ? ` en tant que ${session.data.situation.professionLabel.toLowerCase()}, ${session.data.situation.organisation}`
            : ''}
          .
          <span className={fr.cx('fr-mt-3w')} style={{ display: 'block' }}>
            <Link className={fr.cx('fr-btn', 'fr-btn--lg', 'fr-icon-search-line', 'fr-btn--icon-left')} to="/recherche">
              Rechercher un patient
            </Link>
          </span>
        </CallOut>
      ) : session.isPending ? null : (
        <CallOut title="Accès réservé aux professionnels de santé" titleAs="h2">
          Connectez-vous avec votre carte CPS ou votre e-CPS. Le service est ouvert aux professions listées dans{' '}
          <Link to="/aide#connexion-profession">l’aide</Link>, depuis un ordinateur.
          <span className={fr.cx('fr-mt-3w')} style={{ display: 'block' }}>
            <LoginButton />
          </span>
        </CallOut>
      )}
      {countries}
    </>
  );
}
