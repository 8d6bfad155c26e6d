/**
 * `/notice/:lang`: the Patient Information Notice in one language, as a clean printable page (A4, no
 * navigation when printed) with lines for the patient's name, the date and the signature.
 */
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { euLanguageSchema } from '@sesali/shared';
import { useNotice } from '../api/get-notice';
import './notice-print.css';

export function NoticePage() {
  const { lang = '' } = useParams();
  const language = euLanguageSchema.safeParse(lang);
  const notice = useNotice(language.success ? language.data : 'fr');

  useEffect(() => {
    if (notice.data) document.title = `${notice.data.title} — Sesali`;
  }, [notice.data]);

  if (!language.success) {
    return (
      <>
        <h1>Notice introuvable</h1>
        <p>
          Cette langue n’est pas une langue officielle de l’Union européenne.{' '}
          <Link to="/aide#consentement">Aide sur le consentement</Link>
        </p>
      </>
    );
  }
  if (notice.isPending) return <p>Chargement…</p>;
  if (notice.isError) return <Alert severity="error" small description={notice.error.message} />;
  const n = notice.data;

  return (
    <article className="sesali-notice" lang={n.language}>
      <div className={`${fr.cx('fr-mb-4w')} sesali-no-print`} lang="fr">
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          Notice d’information du patient — {n.languageNameFr}.
          {n.reviewedByNativeSpeaker ? null : ' Traduction non encore relue par un locuteur natif.'}
        </p>
        <button
          type="button"
          className={fr.cx('fr-btn', 'fr-icon-printer-line', 'fr-btn--icon-left')}
          onClick={() => window.print()}
        >
          Imprimer la notice
        </button>
      </div>
      <h1>{n.title}</h1>
      <p className={fr.cx('fr-text--lead')}>{n.introduction}</p>
      {n.sections.map((section) => (
        <section key={section.id} aria-labelledby={`notice-${section.id}`}>
          <h2 id={`notice-${section.id}`} className={fr.cx('fr-h5')}>
            {section.title}
          </h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.items ? (
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      <section className="sesali-notice__signature" aria-labelledby="notice-signature">
        <h2 id="notice-signature" className={fr.cx('fr-h5')}>
          {n.signature.heading}
        </h2>
        <p>{n.signature.statement}</p>
        <dl>
          <dt>{n.signature.patientName}</dt>
          <dd className="sesali-notice__line" />
          <dt>{n.signature.date}</dt>
          <dd className="sesali-notice__line" />
          <dt>{n.signature.signature}</dt>
          <dd className="sesali-notice__line sesali-notice__line--tall" />
        </dl>
      </section>
    </article>
  );
}
