/**
 * Skip links, header, the page, footer; the session gate decides whether the page may show. The session's
 * lifetime adds its warning over the page, and replaces the page once the session has expired.
 */
import { Outlet } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { SessionExpired } from '@/features/session/components/session-expired';
import { SessionGate } from '@/features/session/components/session-gate';
import { SessionWarningDialog } from '@/features/session/components/session-warning-dialog';
import { useSessionLifetime } from '@/features/session/session-lifetime';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export function RootLayout() {
  const lifetime = useSessionLifetime();
  return (
    <>
      <div className={fr.cx('fr-skiplinks')}>
        <nav className={fr.cx('fr-container')} role="navigation" aria-label="Accès rapide">
          <ul className={fr.cx('fr-skiplinks__list')}>
            <li>
              <a className={fr.cx('fr-link')} href="#contenu">
                Contenu
              </a>
            </li>
            <li>
              <a className={fr.cx('fr-link')} href="#pied-de-page">
                Pied de page
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <SiteHeader />
      <main id="contenu" tabIndex={-1} className={fr.cx('fr-container', 'fr-py-6w')}>
        {lifetime.phase === 'expired' ? (
          <SessionExpired cause={lifetime.cause} />
        ) : (
          <SessionGate>
            <Outlet />
          </SessionGate>
        )}
      </main>
      <SiteFooter />
      {lifetime.phase === 'warning' ? <SessionWarningDialog endsAt={lifetime.endsAt} cause={lifetime.cause} /> : null}
    </>
  );
}
