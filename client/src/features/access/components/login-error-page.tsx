/** `/erreur-connexion?raison=…`: a login that did not complete (not a refusal), and how to retry. */
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useSearchParams } from 'react-router';
import { isLoginErrorReason, loginErrorTexts } from '@sesali/shared';
import { LoginButton } from '@/features/session/components/login-button';

export function LoginErrorPage() {
  const [params] = useSearchParams();
  const raison = params.get('raison');
  const text = isLoginErrorReason(raison)
    ? loginErrorTexts[raison]
    : {
        title: 'La connexion n’a pas abouti',
        explanation: 'La connexion avec Pro Santé Connect n’a pas pu être terminée. Relancez la connexion.',
      };
  return (
    <>
      <h1>Connexion interrompue</h1>
      <Alert
        as="h2"
        severity="warning"
        title={text.title}
        description={text.explanation}
        className={fr.cx('fr-mb-4w')}
      />
      <p>
        <LoginButton />
      </p>
      <p>
        <Link to="/aide#connexion">Aide à la connexion</Link>
      </p>
    </>
  );
}
