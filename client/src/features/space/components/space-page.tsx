/**
 * « Mon espace »: who the professional is for Sesali (identity, authentication, chosen situation) and their own
 * consultation history as the audit trail recorded it — date, country, patient initials and birth year,
 * purpose, what was done and its outcome — a page at a time. The BFF answers with this professional's events
 * only; nothing here can ask for anyone else's.
 */
import { Link, useSearchParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { HistoryAction, HistoryItem } from '@sesali/shared';
import { useSession } from '@/features/session/api/get-session';
import { useHistory } from '../api/get-history';

const ACTION_LABELS: Record<HistoryAction, string> = {
  patient_search: 'Recherche du patient',
  identity_confirmed: 'Identité confirmée',
  consent_attested: 'Consentement attesté',
  summary_viewed: 'Synthèse consultée',
  original_viewed: 'Document original (PDF) consulté',
  document_refused: 'Document refusé (autre patient)',
  member_state_error: 'Erreur du pays du patient',
};
const OUTCOME_LABELS: Record<HistoryItem['outcome'], string> = {
  success: 'Effectué',
  refused: 'Refusé',
  failure: 'Échec',
};
const PURPOSE_LABELS = { TREATMENT: 'Soins', EMERGENCY: 'Urgence' } as const;

const countryNames = new Intl.DisplayNames(['fr'], { type: 'region' });
const countryName = (code: string | null) => (code ? (countryNames.of(code) ?? code) : '—');
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function SpacePage() {
  const session = useSession();
  const [params] = useSearchParams();
  const page = pageOf(params);
  const history = useHistory(page);
  const professional = session.data?.professional;
  const situation = session.data?.situation;
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / history.data.pageSize)) : 1;

  return (
    <>
      <h1>Mon espace</h1>
      <section aria-labelledby="identity-heading" className={fr.cx('fr-mb-6w')}>
        <h2 id="identity-heading">Mon identité</h2>
        {professional ? (
          <dl>
            <dt className={fr.cx('fr-text--bold')}>Nom</dt>
            <dd>
              {professional.givenName} {professional.familyName}
            </dd>
            <dt className={fr.cx('fr-text--bold')}>Connexion</dt>
            <dd>{professional.authMode === 'CARD' ? 'Carte CPS' : 'e-CPS'} (Pro Santé Connect)</dd>
            <dt className={fr.cx('fr-text--bold')}>Situation d’exercice</dt>
            <dd>
              {situation
                ? `${situation.professionLabel} — ${situation.organisation}${situation.city ? `, ${situation.city}` : ''}`
                : 'Non choisie'}
            </dd>
          </dl>
        ) : (
          <p>Chargement…</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Mes consultations</h2>
        <p>
          Chaque accès au dossier d’un patient est tracé. Vous seul voyez ici vos propres consultations ; le patient n’y
          figure que par ses initiales et son année de naissance.
        </p>
        {history.isError ? (
          <Alert severity="error" small description={history.error.message} />
        ) : !history.data ? (
          <p>Chargement…</p>
        ) : history.data.total === 0 ? (
          <p>Aucune consultation enregistrée.</p>
        ) : (
          <>
            <div className={fr.cx('fr-table')}>
              <table>
                <caption>
                  Consultations {(page - 1) * history.data.pageSize + 1} à{' '}
                  {(page - 1) * history.data.pageSize + history.data.items.length} sur {history.data.total}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Pays</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Action</th>
                    <th scope="col">Finalité</th>
                    <th scope="col">Résultat</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((item, i) => (
                    <tr key={`${item.time}-${i}`}>
                      <td>{dateTime.format(new Date(item.time))}</td>
                      <td>{countryName(item.country)}</td>
                      <td>
                        {item.patientInitials ?? '—'}
                        {item.patientBirthYear ? ` (né·e en ${item.patientBirthYear})` : ''}
                      </td>
                      <td>{ACTION_LABELS[item.action]}</td>
                      <td>{item.purpose ? PURPOSE_LABELS[item.purpose] : '—'}</td>
                      <td>{OUTCOME_LABELS[item.outcome]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Pages de l’historique">
              <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline')}>
                <li>
                  {page > 1 ? (
                    <Link className={fr.cx('fr-btn', 'fr-btn--secondary')} to={`/espace?page=${page - 1}`}>
                      Page précédente
                    </Link>
                  ) : null}
                </li>
                <li>
                  <span className={fr.cx('fr-text--sm')}>
                    Page {page} sur {pages}
                  </span>
                </li>
                <li>
                  {page < pages ? (
                    <Link className={fr.cx('fr-btn', 'fr-btn--secondary')} to={`/espace?page=${page + 1}`}>
                      Page suivante
                    </Link>
                  ) : null}
                </li>
              </ul>
            </nav>
          </>
        )}
      </section>
    </>
  );
}
