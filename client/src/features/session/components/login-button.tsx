/**
 * "Se connecter avec Pro Santé Connect": a plain link to the BFF, which redirects to PSC. A touch-first Mac
 * (iPadOS presents itself as a desktop Mac) is reported so the BFF can refuse tablets before PSC.
 */
import { authPaths, touchReportParam } from '@sesali/shared';
import { fr } from '@codegouvfr/react-dsfr';

export function isTouchMac(nav: Pick<Navigator, 'maxTouchPoints' | 'userAgent'> = navigator): boolean {
  return nav.maxTouchPoints > 1 && /Macintosh/.test(nav.userAgent);
}

export function loginHref(): string {
  return isTouchMac() ? `${authPaths.login}?${touchReportParam}=1` : authPaths.login;
}

export function LoginButton() {
  return (
    <a className={fr.cx('fr-btn', 'fr-btn--lg', 'fr-icon-account-circle-line', 'fr-btn--icon-left')} href={loginHref()}>
      Se connecter avec Pro Santé Connect
    </a>
  );
}
