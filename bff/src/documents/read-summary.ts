/**
 * The one door through which a retrieved Patient Summary enters the BFF: bytes and MIME type as the contact
 * point sent them → the translated PatientSummary model. CDA L3 (text/xml) and HL7 Europe / IPS FHIR Bundles
 * (application/fhir+json) land in the same model; anything unreadable raises a DocumentError. Entries are
 * assessed (allergy risk, current or past) from their codes and dates on the way out.
 */
import { assessSummary, type PatientSummary } from '@sesali/shared';
import type { TerminologyCatalogue } from '../terminology/catalogue';
import { parseCdaPatientSummary } from './cda/parse-cda';
import { parseFhirPatientSummary } from './fhir/parse-fhir';
import { translateSummary } from './translate';

export type SummaryMimeType = 'text/xml' | 'application/fhir+json';

export interface ReadSummaryOptions {
  /** Largest document accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** ISO alpha-2 code of the country the document came from. */
  countryCode?: string;
  /** The day entries are assessed against (end dates before it are past); today by default. */
  today?: string;
}

export function readPatientSummary(
  bytes: Buffer,
  mimeType: SummaryMimeType,
  terminology: TerminologyCatalogue,
  options: ReadSummaryOptions = {},
): PatientSummary {
  const summary =
    mimeType === 'application/fhir+json'
      ? parseFhirPatientSummary(bytes, options)
      : parseCdaPatientSummary(bytes, options);
  return assessSummary(translateSummary(summary, terminology), options.today ?? new Date().toISOString().slice(0, 10));
}
