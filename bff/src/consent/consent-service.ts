/**
 * The consent step: what the patient's country allows (notice languages, purposes of use), and the recording
 * of the professional's attestation. Express-free: plain inputs, typed errors; the router applies the change to
 * the session.
 */
import type { ConsentContext, ConsentRequest, RecordedConsent } from '@sesali/shared';
import { actorOf, type AuditTrail, type RequestContext } from '../audit/audit-trail';
import { DomainError } from '../errors/domain-error';
import type { FoundPatient, StoredConsent } from '../patients/patient-refs';
import type { CountryDirectory } from '../search/country-directory';
import { currentConsent, noticeLanguagesOf, recordConsent } from './consent';

/** What the browser may see of a recorded consent (the emergency reason stays in the session). */
export const consentView = (consent: StoredConsent): RecordedConsent => ({
  attestedAt: consent.attestedAt,
  expiresAt: consent.expiresAt,
  noticeLanguage: consent.noticeLanguage,
  purposeOfUse: consent.purposeOfUse,
});

export function createConsentService(deps: { audit: AuditTrail; directory: CountryDirectory; ttlMinutes: number }) {
  return {
    /** What the consent step needs; opening it is the professional's confirmation of the patient's identity. */
    async context(context: RequestContext, patient: FoundPatient): Promise<ConsentContext> {
      const country = await deps.directory.country(patient.countryCode);
      await deps.audit.record({
        requestId: context.requestId,
        actor: actorOf(context.user),
        action: 'identity_confirmed',
        outcome: 'success',
        details: deps.audit.patientFields(patient.countryCode, patient.demographics),
      });
      const consent = currentConsent(patient);
      return {
        countryCode: country.code,
        countryName: country.name,
        noticeLanguages: noticeLanguagesOf(country.languages),
        purposesOfUse: country.purposesOfUse,
        consent: consent && consentView(consent),
      };
    },

    /**
     * Checks the attestation against what the patient's country accepts, then writes the durable consent record
     * (kept after logout): the consent is stored in the session only once this event is committed.
     */
    async attest(context: RequestContext, patient: FoundPatient, request: ConsentRequest): Promise<void> {
      const country = await deps.directory.country(patient.countryCode);
      if (!country.purposesOfUse.includes(request.purposeOfUse)) throw new DomainError('emergency_not_allowed');
      await deps.audit.record({
        requestId: context.requestId,
        actor: actorOf(context.user),
        action: 'consent_attested',
        outcome: 'success',
        details: {
          ...deps.audit.patientFields(patient.countryCode, patient.demographics),
          purpose: request.purposeOfUse,
          noticeLanguage: request.noticeLanguage,
          attestations: Object.entries(request.attestations)
            .filter(([, given]) => given)
            .map(([name]) => name),
          emergencyReason: request.emergencyReason ?? null,
        },
      });
    },

    /** Records the attestation on the patient (the caller saves the session). */
    record: (patient: FoundPatient, request: ConsentRequest, now?: Date): StoredConsent =>
      recordConsent(patient, request, deps.ttlMinutes, now),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
