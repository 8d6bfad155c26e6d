/** Header tools: who is logged in (name, profession, organisation of the chosen situation) and the logout. */
import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import type { SessionResponse } from '@sesali/shared';
import { useLogout } from '../api/logout';
import { loginHref } from './login-button';

export function LoginButtonSmall() {
  return (
    <ul className={fr.cx('fr-btns-group')}>
      <li>
        <a className={fr.cx('fr-btn', 'fr-icon-account-circle-line')} href={loginHref()}>
          Se connecter avec Pro Santé Connect
        </a>
      </li>
    </ul>
  );
}

export function SessionTools({ session }: { session: SessionResponse }) {
  const logout = useLogout();
  const { professional, situation } = session;
  const fullName = `${professional.givenName} ${professional.familyName}`.trim();
  return (
    <div className="sesali-session-tools">
      <p className={fr.cx('fr-mb-0', 'fr-text--sm')} data-testid="professional">
        <span className={fr.cx('fr-text--bold')}>{fullName}</span>
        {situation ? (
          <>
            <br />
            <span data-testid="situation">
              {situation.professionLabel} — {situation.organisation}
            </span>
          </>
        ) : null}
      </p>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline', 'fr-btns-group--sm')}>
        {situation ? (
          <li>
            <Link
              className={fr.cx('fr-btn', 'fr-btn--tertiary', 'fr-icon-user-line', 'fr-btn--icon-left')}
              to="/espace"
            >
              Mon espace
            </Link>
          </li>
        ) : null}
        <li>
          <button
            type="button"
            className={fr.cx('fr-btn', 'fr-btn--tertiary', 'fr-icon-logout-box-r-line', 'fr-btn--icon-left')}
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            Se déconnecter
          </button>
        </li>
      </ul>
      {logout.isError ? (
        <p className={fr.cx('fr-error-text')} role="alert">
          {logout.error.message}
        </p>
      ) : null}
    </div>
  );
}
