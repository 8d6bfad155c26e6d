/**
 * The alerts a clinician must see before anything else: the patient's allergies (those of high criticality
 * or with a severe reaction first, flagged in the DSFR error colour), what the document declares absent
 * (« aucune allergie connue »), and the medical alerts the allergies section carries as untyped entries. The
 * full detail of each is in the allergies section below; nothing here replaces it.
 */
import { useId } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { EntryOf, Section } from '@sesali/shared';
import { allergyRisk } from './allergy-risk';
import { Coded, DocumentLanguage, OriginalText } from './coded-value';
import { formatDate } from './summary-format';

export function AlertsZone({ section }: { section: Section | undefined }) {
  const headingId = useId();
  const entries = section?.entries ?? [];
  const allergies = entries
    .filter((e): e is EntryOf<'allergy'> => e.type === 'allergy')
    .map((allergy) => ({ allergy, risk: allergyRisk(allergy) }));
  // Flagged allergies first; otherwise the document's order.
  const ordered = [...allergies.filter((a) => a.risk), ...allergies.filter((a) => !a.risk)];
  const absences = entries.filter((e): e is EntryOf<'knownAbsence'> => e.type === 'knownAbsence');
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
          <ul className="sesali-alerts__list">
            {ordered.map(({ allergy, risk }, i) => (
              <li key={`allergy-${i}`} className={risk ? 'sesali-alert sesali-alert--high' : 'sesali-alert'}>
                {risk ? (
                  <Badge severity="error" small as="span">
                    {risk}
                  </Badge>
                ) : null}
                <AllergySummary allergy={allergy} />
              </li>
            ))}
            {absences.map((absence, i) => (
              <li key={`absence-${i}`} className="sesali-alert">
                <Badge severity="info" small noIcon as="span">
                  Absence déclarée
                </Badge>
                <div className={fr.cx('fr-text--bold')}>
                  <Coded value={absence.code} />
                </div>
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
        )}
      </section>
    </DocumentLanguage.Provider>
  );
}

function AllergySummary({ allergy }: { allergy: EntryOf<'allergy'> }) {
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
    </>
  );
}
