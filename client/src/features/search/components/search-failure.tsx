/**
 * A search the BFF answered with an error: its French message, under a title saying what kind of failure it
 * is. "Patient not found" also recalls the FAQ's conditions, the usual reason a real patient is not found.
 */
import type { Ref } from 'react';
import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { PatientEligibilityConditions } from '@/components/help/patient-eligibility';
import type { ApiErrorCode } from '@sesali/shared';
import { ApiClientError } from '@/lib/api-client';

function titleOf(code: ApiErrorCode): string {
  switch (code) {
    case 'too_many_requests':
      return 'Trop de recherches en peu de temps';
    case 'patient_not_found':
      return 'Aucun patient trouvé';
    case 'patient_not_activated':
      return 'Service non activé par le patient';
    case 'no_summary':
      return 'Pas de synthèse médicale';
    case 'invalid_request':
      return 'Informations à corriger';
    case 'country_unavailable':
    case 'contact_point_timeout':
    case 'contact_point_unavailable':
    case 'contact_point_error':
    case 'contact_point_invalid_response':
      return 'Le pays du patient n’a pas pu répondre';
    case 'access_denied':
    case 'assertion_rejected':
    case 'audit_unavailable':
    case 'consent_rejected':
    case 'consent_required':
    case 'device_not_allowed':
    case 'document_patient_mismatch':
    case 'document_too_large':
    case 'document_unreadable':
    case 'emergency_not_allowed':
    case 'forbidden_origin':
    case 'insufficient_rights':
    case 'internal_error':
    case 'invalid_response':
    case 'network_error':
    case 'not_authenticated':
    case 'not_found':
    case 'original_unavailable':
    case 'psc_unavailable':
    case 'session_store_unavailable':
    case 'situation_required':
    case 'situation_unknown':
    case 'unsupported_media_type':
      return 'La recherche n’a pas abouti';
  }
}

export function SearchFailure({ error, ref }: { error: Error; ref?: Ref<HTMLDivElement> }) {
  const code = error instanceof ApiClientError ? error.code : 'internal_error';
  return (
    <div ref={ref} tabIndex={-1} className={fr.cx('fr-my-4w')} data-testid="search-failure">
      <Alert
        as="h2"
        severity={code === 'patient_not_found' || code === 'patient_not_activated' ? 'warning' : 'error'}
        title={titleOf(code)}
        description={
          code === 'patient_not_found' ? (
            <>
              <p>{error.message}</p>
              <p className={fr.cx('fr-mb-1v')}>
                Le service n’est disponible que pour les patients étrangers répondant aux conditions suivantes :
              </p>
              <PatientEligibilityConditions />
              <p>
                <Link to="/aide#patient-introuvable">Vous ne trouvez pas le patient étranger ? (aide)</Link>
              </p>
            </>
          ) : (
            error.message
          )
        }
      />
    </div>
  );
}
