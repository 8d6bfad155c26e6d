/**
 * The consent recorded for a patient found in this session, and the TRC assertion derived from it. Consent
 * lapses with the session, or after CONSENT_TTL_MINUTES (see docs/consent.md).
 */
import { euLanguages, type ConsentRequest, type EuLanguage, type PatientId } from '@sesali/shared';
import type { SessionUser } from '../auth/session-data';
import type { TrcContext } from '../contact-point/assertions';
import { DomainError } from '../errors/domain-error';
import type { FoundPatient, StoredConsent } from '../patients/patient-refs';

/** The notice languages for a country's languages (BCP 47, "pt-PT") among the EU's official ones. */
export function noticeLanguagesOf(countryLanguages: readonly string[]): EuLanguage[] {
  const wanted = countryLanguages.map((tag) => tag.split('-')[0]?.toLowerCase() ?? '');
  return [...new Set(wanted)].filter((l): l is EuLanguage => (euLanguages as readonly string[]).includes(l));
}

export function recordConsent(
  patient: FoundPatient,
  request: ConsentRequest,
  ttlMinutes: number,
  now = new Date(),
): StoredConsent {
  const consent: StoredConsent = {
    attestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
    noticeLanguage: request.noticeLanguage,
    purposeOfUse: request.purposeOfUse,
  };
  if (request.purposeOfUse === 'EMERGENCY' && request.emergencyReason)
    consent.emergencyReason = request.emergencyReason;
  patient.consent = consent;
  return consent;
}

export function currentConsent(patient: FoundPatient, now = Date.now()): StoredConsent | null {
  const consent = patient.consent;
  return consent && Date.parse(consent.expiresAt) > now ? consent : null;
}

/** A consent still valid for the patient: what every document call requires. */
export function requireConsent(patient: FoundPatient): {
  consent: StoredConsent;
  patientId: PatientId;
} {
  const consent = currentConsent(patient);
  if (!consent) throw new DomainError('consent_required');
  // The first identifier the country returned is the one that designates this patient alone.
  const patientId = patient.demographics.patientId[0];
  if (!patientId) throw new DomainError('not_found');
  return { consent, patientId };
}

export function trcContext(user: SessionUser, patientId: PatientId, consent: StoredConsent): TrcContext {
  return {
    subject: user.sub,
    patientId,
    purposeOfUse: consent.purposeOfUse,
    consent: {
      attestedAt: consent.attestedAt,
      noticeLanguage: consent.noticeLanguage,
      ...(consent.emergencyReason ? { reason: consent.emergencyReason } : {}),
    },
  };
}
