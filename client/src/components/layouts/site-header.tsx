/**
 * The DSFR header. The Marianne brand block ("République française") appears only in an official deployment
 * (VITE_OFFICIAL_DEPLOYMENT=true): the State's identity is not ours to show on a test or private instance.
 */
import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { publicEnv } from '@/config/env';
import { LoginButtonSmall, SessionTools } from '@/features/session/components/session-tools';
import { useSession } from '@/features/session/api/get-session';

export function SiteHeader() {
  const session = useSession();
  return (
    <header role="banner" className={fr.cx('fr-header')}>
      <div className={fr.cx('fr-header__body')}>
        <div className={fr.cx('fr-container')}>
          <div className={fr.cx('fr-header__body-row')}>
            <div className={fr.cx('fr-header__brand', 'fr-enlarge-link')}>
              {publicEnv.officialDeployment ? (
                <div className={fr.cx('fr-header__brand-top')}>
                  <div className={fr.cx('fr-header__logo')}>
                    <p className={fr.cx('fr-logo')}>
                      République
                      <br />
                      Française
                    </p>
                  </div>
                </div>
              ) : null}
              <div className={fr.cx('fr-header__service')}>
                <Link to="/" title="Accueil — Sesali">
                  <p className={fr.cx('fr-header__service-title')}>Sesali</p>
                </Link>
                <p className={fr.cx('fr-header__service-tagline')}>Service européen de santé en ligne</p>
              </div>
            </div>
            <div className={fr.cx('fr-header__tools')}>
              <div className={fr.cx('fr-header__tools-links')}>
                {session.data ? (
                  <SessionTools session={session.data} />
                ) : session.isPending ? null : (
                  <LoginButtonSmall />
                )}
              </div>
            </div>
          </div>
        </div>
      </div>
      {/* DSFR's script copies the tools into this menu, shown on small screens only. */}
      <div className={fr.cx('fr-header__menu', 'fr-modal')} id="menu-principal" aria-label="Menu">
        <div className={fr.cx('fr-container')}>
          <div className={fr.cx('fr-header__menu-links')} />
        </div>
      </div>
    </header>
  );
}
