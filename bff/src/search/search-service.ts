/**
 * Finding the patient: the countries, a country's search form, and the identification of a patient at the
 * contact point from the values typed in that form. Express-free: plain inputs (the professional, the parsed
 * request), typed errors; the router keeps what it finds in the session.
 */
import {
  validateSearch,
  type PatientCandidate,
  type PatientDemographics,
  type PatientSearchRequest,
  type PublicCountries,
  type SearchForm,
} from '@sesali/shared';
import { actorOf, type AuditTrail, type RequestContext } from '../audit/audit-trail';
import type { AssertionSigner } from '../contact-point/assertions';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { hcpContext } from '../contact-point/hcp-context';
import { DomainError } from '../errors/domain-error';
import type { FoundPatient } from '../patients/patient-refs';
import type { CountryDirectory } from './country-directory';

const COUNTRY = /^[A-Z]{2}$/;

/** A country code from a URL, or not found. */
export function countryCode(value: string): string {
  const code = value.toUpperCase();
  if (!COUNTRY.test(code)) throw new DomainError('not_found');
  return code;
}

/** The form's values → the ClientConnector's patientDemographics, by what each field says it fills. */
export function demographicsFrom(form: SearchForm, request: PatientSearchRequest): PatientDemographics {
  const value = (key: string) => request.values[key]?.trim() || undefined;
  const patientId = (form.identifierGroups[request.group]?.fields ?? []).flatMap((field) => {
    const extension = value(field.key);
    return field.domain && extension ? [{ root: field.domain, extension }] : [];
  });
  const demographics: PatientDemographics = { patientId };
  for (const field of form.otherFields) {
    const typed = value(field.key);
    if (typed === undefined || field.demographic === undefined) continue;
    if (field.demographic === 'administrativeGender')
      demographics.administrativeGender = typed as PatientDemographics['administrativeGender'];
    else demographics[field.demographic] = typed;
  }
  return demographics;
}

/** What the confirmation page shows of a patient found: no identifier. */
export function toCandidate(ref: string, found: FoundPatient): PatientCandidate {
  const d = found.demographics;
  const address = [d.streetAddress, [d.postalCode, d.city].filter(Boolean).join(' '), d.country]
    .filter((p) => p && p.trim() !== '')
    .join(', ');
  return {
    ref,
    countryCode: found.countryCode,
    givenName: d.givenName ?? null,
    familyName: d.familyName ?? null,
    birthDate: d.birthDate ?? null,
    gender: d.administrativeGender ?? null,
    address: address === '' ? null : address,
  };
}

export function createSearchService(deps: {
  audit: AuditTrail;
  directory: CountryDirectory;
  contactPoint: ContactPointClient;
  signer: AssertionSigner;
}) {
  return {
    countries: (): Promise<PublicCountries['countries']> => deps.directory.list(),

    form: (code: string): Promise<SearchForm> => deps.directory.form(countryCode(code)),

    /**
     * The patients the country identifies from the request (at least one), to be kept behind refs. Every
     * search leaves an event (country, outcome, the identifiers typed as keyed hashes); candidates are returned
     * only once it is committed.
     */
    async search(context: RequestContext, request: PatientSearchRequest, now = Date.now()): Promise<FoundPatient[]> {
      const form = await deps.directory.form(request.countryCode);
      const fields = validateSearch(form, request);
      if (Object.keys(fields).length > 0) throw new DomainError('invalid_request', { fields });
      const demographics = demographicsFrom(form, request);
      const event = (outcome: 'success' | 'refused' | 'failure', reason: string | null, found: number) => ({
        requestId: context.requestId,
        actor: actorOf(context.user),
        action: 'patient_search' as const,
        outcome,
        reason,
        details: {
          country: request.countryCode,
          identifierHashes: demographics.patientId.map((id) => deps.audit.identifierHash(id)),
          candidates: found,
        },
      });
      const hcp = await deps.signer.hcp(hcpContext(context.user, 'TREATMENT'));
      let patients: PatientDemographics[];
      try {
        patients = await deps.contactPoint.queryPatients(
          { countryCode: request.countryCode, patientDemographics: demographics },
          { hcp },
        );
      } catch (error) {
        const reason = error instanceof ContactPointFailure ? error.code : 'internal_error';
        await deps.audit.recordOrLog(event('failure', reason, 0));
        throw error;
      }
      if (patients.length === 0) {
        await deps.audit.record(event('refused', 'patient_not_found', 0));
        throw new DomainError('patient_not_found');
      }
      await deps.audit.record(event('success', null, patients.length));
      return patients.map((found) => ({ countryCode: request.countryCode, demographics: found, foundAt: now }));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
