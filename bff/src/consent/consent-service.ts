/**
 * The consent step: what the patient's country allows (notice languages, purposes of use), and the recording
 * of the professional's attestation. Express-free: plain inputs, typed errors; the router applies the change to
 * the session.
 */
import type { ConsentContext, ConsentRequest, RecordedConsent } from '@sesali/shared';
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

export function createConsentService(deps: { directory: CountryDirectory; ttlMinutes: number }) {
  return {
    async context(patient: FoundPatient): Promise<ConsentContext> {
      const country = await deps.directory.country(patient.countryCode);
      const consent = currentConsent(patient);
      return {
        countryCode: country.code,
        countryName: country.name,
        noticeLanguages: noticeLanguagesOf(country.languages),
        purposesOfUse: country.purposesOfUse,
        consent: consent && consentView(consent),
      };
    },

    /** Refuses a purpose of use the patient's country does not accept (emergency where it is not allowed). */
    async checkRequest(patient: FoundPatient, request: ConsentRequest): Promise<void> {
      const country = await deps.directory.country(patient.countryCode);
      if (!country.purposesOfUse.includes(request.purposeOfUse)) throw new DomainError('emergency_not_allowed');
    },

    /** Records the attestation on the patient (the caller saves the session). */
    record: (patient: FoundPatient, request: ConsentRequest, now?: Date): StoredConsent =>
      recordConsent(patient, request, deps.ttlMinutes, now),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
