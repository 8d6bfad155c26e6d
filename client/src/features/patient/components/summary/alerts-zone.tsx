/**
 * The alerts a clinician must see before anything else: the patient's current allergies (those the BFF flagged
 * from their codes — high criticality, severe reaction — first, in the DSFR error colour) and the medical
 * alerts the allergies section carries as untyped entries; then, apart and without alert styling, the past
 * allergies, and what the document declares absent (« Aucune allergie connue ») as a plain sentence. The full
 * detail of each is in the allergies section below; nothing here replaces it.
 */
import { useId } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { EntryOf, Section } from '@sesali/shared';
import { AbsenceStatements, isAbsence } from './absence-statements';
import { AllergyRiskBadge } from './allergy-risk-badge';
import { Coded, DocumentLanguage, OriginalText } from './coded-value';
import { formatDate } from './summary-format';

type Allergy = EntryOf<'allergy'>;

export const PAST_ALLERGIES_TITLE = 'Allergies passées ou inactives';

export function AlertsZone({ section }: { section: Section | undefined }) {
  const headingId = useId();
  const pastHeadingId = useId();
  const entries = section?.entries ?? [];
  const allergies = entries.filter((e): e is Allergy => e.type === 'allergy');
  // An allergy the BFF could not date is current: an alert is never hidden for lack of a status.
  const current = allergies.filter((a) => a.timeline !== 'past');
  const past = allergies.filter((a) => a.timeline === 'past');
  // Flagged allergies first; otherwise the document's order.
  const ordered = [...current.filter((a) => a.risk), ...current.filter((a) => !a.risk)];
  const absences = entries.filter(isAbsence);
  const medicalAlerts = entries.filter((e): e is EntryOf<'other'> => e.type === 'other');

  return (
    <DocumentLanguage.Provider value={section?.lang ?? 'und'}>
      <section aria-labelledby={headingId} className={`${fr.cx('fr-mb-6w', 'fr-p-3w')} sesali-alerts`}>
        <h2 id={headingId} className={fr.cx('fr-h4')}>
          Alertes
        </h2>
        {!section ? (
          <p>
            Le document ne contient pas de section « Allergies » : l’absence d’allergie n’est pas établie. Interrogez le
            patient.
          </p>
        ) : entries.length === 0 ? (
          <p>
            La section « Allergies » ne contient aucune donnée codée : lisez son texte original, plus bas, et interrogez
            le patient.
          </p>
        ) : (
          <>
            {ordered.length + medicalAlerts.length > 0 ? (
              <ul className="sesali-alerts__list">
                {ordered.map((allergy, i) => (
                  <li
                    key={`allergy-${i}`}
                    className={allergy.risk ? 'sesali-alert sesali-alert--high' : 'sesali-alert'}
                  >
                    {allergy.risk ? <AllergyRiskBadge risk={allergy.risk} /> : null}
                    <AllergySummary allergy={allergy} />
                  </li>
                ))}
                {medicalAlerts.map((alert, i) => (
                  <li key={`alert-${i}`} className="sesali-alert sesali-alert--medical">
                    <Badge severity="warning" small as="span">
                      Alerte médicale
                    </Badge>
                    {alert.code ? (
                      <div className={fr.cx('fr-text--bold')}>
                        <Coded value={alert.code} />
                      </div>
                    ) : null}
                    {alert.text !== undefined ? <OriginalText text={alert.text} /> : null}
                    {!alert.code && alert.text === undefined ? (
                      <div>Contenu non lisible : voir le texte original.</div>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <AbsenceStatements absences={absences} />
            {past.length > 0 ? (
              <>
                <h3 id={pastHeadingId} className={fr.cx('fr-h6', 'fr-mt-3w', 'fr-mb-1w')}>
                  {PAST_ALLERGIES_TITLE}
                </h3>
                <ul aria-labelledby={pastHeadingId} className="sesali-alerts__past">
                  {past.map((allergy, i) => (
                    <li key={`past-${i}`}>
                      <AllergySummary allergy={allergy} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>
    </DocumentLanguage.Provider>
  );
}

function AllergySummary({ allergy }: { allergy: Allergy }) {
  return (
    <>
      <div className={fr.cx('fr-text--bold')}>
        {allergy.agent ? (
          <Coded value={allergy.agent} />
        ) : allergy.agentName !== undefined ? (
          <OriginalText text={allergy.agentName} />
        ) : (
          'Agent non renseigné'
        )}
      </div>
      {allergy.allergyType ? <Coded value={allergy.allergyType} /> : null}
      {allergy.reactions.length > 0 ? (
        <div>
          Réactions :{' '}
          {allergy.reactions.map((reaction, i) => (
            <div key={i} className="sesali-value">
              {i > 0 ? ' ; ' : null}
              <Coded value={reaction.manifestation} />
            </div>
          ))}
        </div>
      ) : null}
      {allergy.criticality ? (
        <div>
          Criticité : <Coded value={allergy.criticality} />
        </div>
      ) : null}
      {allergy.onset !== undefined ? <div>Depuis : {formatDate(allergy.onset)}</div> : null}
      {allergy.end !== undefined ? <div>Fin : {formatDate(allergy.end)}</div> : null}
    </>
  );
}
