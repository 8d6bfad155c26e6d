/**
 * `/patient/:ref/synthese`: the patient's Patient Summary, read-only, in French. The patient and the document
 * first, then the alerts (allergies), a legend of the translation marks, and every section in the reference
 * display tool's order with its coded entries translated and its original text at hand. Printed on A4 with
 * every original text written out, a header naming the patient and a footer saying what was translated.
 */
import { Link, useParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { apiPaths, patientCandidateSchema, type SummaryResponse } from '@sesali/shared';
import { formatBirthDate } from '@/components/patient/patient-identity';
import { ApiClientError } from '@/lib/api-client';
import { useSummary } from '../../api/get-summary';
import { PatientNotInSession } from '../patient-not-in-session';
import { AlertsZone } from './alerts-zone';
import { DocumentLanguage } from './coded-value';
import { PatientBanner } from './patient-banner';
import { personNameText } from './summary-format';
import { ALLERGIES_LOINC, orderedSections, SummarySection } from './summary-section';
import { TranslationLegend } from './translation-legend';
import './summary.css';

const PAGE_TITLE = 'Synthèse médicale du patient';

export const TRANSLATION_NOTE =
  'Les données codées ont été traduites en français à partir du document du pays d’origine ; le texte original n’a pas été traduit.';

export function SummaryPage() {
  const { ref = '' } = useParams();
  if (!patientCandidateSchema.shape.ref.safeParse(ref).success) return <PatientNotInSession />;
  return <SummaryLoader key={ref} patientRef={ref} />;
}

function SummaryLoader({ patientRef: ref }: { patientRef: string }) {
  const summary = useSummary(ref);
  if (summary.isPending) {
    return (
      <>
        <h1>{PAGE_TITLE}</h1>
        <p role="status">Chargement de la synthèse…</p>
      </>
    );
  }
  if (summary.isError) return <SummaryFailure patientRef={ref} error={summary.error} />;
  return <SummaryDocument patientRef={ref} response={summary.data} />;
}

/** The BFF's French message; the way forward depends on what is missing. */
function SummaryFailure({ patientRef: ref, error }: { patientRef: string; error: Error }) {
  const code = error instanceof ApiClientError ? error.code : undefined;
  const consentRequired = code === 'consent_required';
  return (
    <>
      <h1>{PAGE_TITLE}</h1>
      <Alert
        as="h2"
        severity={consentRequired ? 'warning' : 'error'}
        title={consentRequired ? 'Consentement du patient nécessaire' : 'La synthèse ne peut pas être affichée'}
        description={error.message}
        className={fr.cx('fr-mb-3w')}
      />
      {consentRequired ? (
        <Link className={fr.cx('fr-btn')} to={`/patient/${ref}/consentement`}>
          Recueillir le consentement du patient
        </Link>
      ) : (
        <ul className={fr.cx('fr-links-group')}>
          {code === 'document_unreadable' ? (
            // The structured document could not be read: its PDF twin, if the country sent one, still can.
            <li>
              <a className={fr.cx('fr-link')} href={apiPaths.original(ref)} target="_blank" rel="noopener">
                Document original (PDF), s’il est disponible
                <span className={fr.cx('fr-sr-only')}> – nouvel onglet</span>
              </a>
            </li>
          ) : null}
          <li>
            <Link className={fr.cx('fr-link')} to="/recherche">
              Rechercher un patient
            </Link>
          </li>
        </ul>
      )}
    </>
  );
}

function SummaryDocument({ patientRef: ref, response }: { patientRef: string; response: SummaryResponse }) {
  const { summary, source } = response;
  const { header } = summary;
  const sections = orderedSections(summary);
  const allergies = summary.sections.find((s) => s.loinc === ALLERGIES_LOINC);
  const patientName = personNameText(header.patient.names[0]) ?? 'Nom non renseigné';
  const birthDate = header.patient.birthDate ? formatBirthDate(header.patient.birthDate) : 'non renseignée';

  return (
    <DocumentLanguage.Provider value={header.language}>
      <div className="sesali-summary">
        <div className="sesali-print-only sesali-print-header">
          <strong>Synthèse médicale — {patientName}</strong>
          <br />
          Date de naissance : {birthDate} — Pays d’origine : {source.countryName}
        </div>
        <h1>{PAGE_TITLE}</h1>
        <p className={fr.cx('fr-text--lead', 'fr-mb-3w')}>
          Synthèse transmise par le pays d’origine ({source.countryName}) par le réseau MaSanté@UE. Consultation seule.
        </p>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-no-print')}>
          <li>
            <button
              type="button"
              className={fr.cx('fr-btn', 'fr-icon-printer-line', 'fr-btn--icon-left')}
              onClick={() => window.print()}
            >
              Imprimer la synthèse
            </button>
          </li>
          {source.originalPdf ? (
            <li>
              <a
                className={fr.cx('fr-btn', 'fr-btn--secondary', 'fr-icon-file-pdf-line', 'fr-btn--icon-left')}
                href={apiPaths.original(ref)}
                target="_blank"
                rel="noopener"
              >
                Document original (PDF)
                <span className={fr.cx('fr-sr-only')}> – nouvel onglet</span>
              </a>
            </li>
          ) : null}
        </ul>
        <PatientBanner header={header} source={source} identityCheck={response.identityCheck} />
        <AlertsZone section={allergies} />
        <TranslationLegend />
        {sections.map((section, i) => (
          <SummarySection key={`${section.loinc ?? 'section'}-${i}`} section={section} />
        ))}
        <p className={`${fr.cx('fr-text--sm')} sesali-summary__note`}>{TRANSLATION_NOTE}</p>
      </div>
    </DocumentLanguage.Provider>
  );
}
