import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';

export function SiteFooter() {
  return (
    <footer className={fr.cx('fr-footer')} id="pied-de-page">
      <div className={fr.cx('fr-container')}>
        <div className={fr.cx('fr-footer__body')}>
          <div className={fr.cx('fr-footer__content')}>
            <p className={fr.cx('fr-footer__content-desc')}>
              Sesali permet aux professionnels de santé exerçant en France de consulter, avec le consentement du
              patient, la synthèse médicale d’un patient d’un autre pays de l’Union européenne, par le réseau
              MaSanté@UE. Consultation seule : aucune donnée ne peut y être modifiée.
            </p>
            <ul className={fr.cx('fr-footer__content-list')}>
              <li>
                <Link className={fr.cx('fr-footer__content-link')} to="/aide">
                  Aide et questions fréquentes
                </Link>
              </li>
            </ul>
          </div>
        </div>
        <div className={fr.cx('fr-footer__bottom')}>
          <p className={fr.cx('fr-footer__bottom-copy')}>Accessibilité : non conforme (audit à venir).</p>
        </div>
      </div>
    </footer>
  );
}
