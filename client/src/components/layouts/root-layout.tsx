/** Skip links, header, the page, footer; the session gate decides whether the page may show. */
import { Outlet } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { SessionGate } from '@/features/session/components/session-gate';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export function RootLayout() {
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
        <SessionGate>
          <Outlet />
        </SessionGate>
      </main>
      <SiteFooter />
    </>
  );
}
