/**
 * The contact-point API (ours, JSON over HTTPS under /v1, modelled on OpenNCP's ClientConnector so that an
 * adapter to a real NCPeH stays thin). The BFF's client validates every answer with these schemas; the
 * simulated member states build their answers with them; docs/contact-point-openapi.json is generated from them.
 */
import { z } from 'zod';

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case');
export const oidSchema = z
  .string()
  .regex(/^[0-2](\.(0|[1-9]\d*)){1,40}$/, 'an OID')
  .max(128);

export const purposeOfUseSchema = z.enum(['TREATMENT', 'EMERGENCY']);
export type PurposeOfUse = z.infer<typeof purposeOfUseSchema>;

export const countrySchema = z.object({
  code: countryCodeSchema,
  name: z.string().min(1).max(80),
  status: z.enum(['live', 'planned']),
  /** Services offered to France; "PS" is the Patient Summary. */
  services: z.array(z.enum(['PS', 'EP'])).max(4),
  /** BCP 47 tags of the languages the country's documents and notices use (first: main language). */
  languages: z.array(z.string().regex(/^[a-z]{2}-[A-Z]{2}$/)).max(6),
  purposesOfUse: z.array(purposeOfUseSchema).min(1).max(2),
  homeCommunityId: oidSchema,
});
export type Country = z.infer<typeof countrySchema>;

export const countriesResponseSchema = z.object({ countries: z.array(countrySchema).max(60) });

export const patientIdSchema = z.object({ root: oidSchema, extension: z.string().min(1).max(64) });
export type PatientId = z.infer<typeof patientIdSchema>;

export const administrativeGenderSchema = z.enum(['M', 'F', 'UN']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optionalText = (max: number) => z.string().max(max).optional();

export const patientDemographicsSchema = z.object({
  patientId: z.array(patientIdSchema).min(1).max(6),
  givenName: optionalText(200),
  familyName: optionalText(200),
  birthDate: isoDate.optional(),
  administrativeGender: administrativeGenderSchema.optional(),
  streetAddress: optionalText(300),
  city: optionalText(120),
  postalCode: optionalText(20),
  country: countryCodeSchema.optional(),
  telephone: optionalText(40),
  email: optionalText(200),
});
export type PatientDemographics = z.infer<typeof patientDemographicsSchema>;

export const patientQueryRequestSchema = z.object({
  countryCode: countryCodeSchema,
  patientDemographics: patientDemographicsSchema,
});
export type PatientQueryRequest = z.infer<typeof patientQueryRequestSchema>;

export const patientQueryResponseSchema = z.object({ patients: z.array(patientDemographicsSchema).max(20) });

export const classCodeSchema = z.enum(['60591-5', '57833-6']);

export const documentQueryRequestSchema = z.object({
  countryCode: countryCodeSchema,
  patientId: patientIdSchema,
  classCode: z.array(classCodeSchema).min(1).max(2),
  filterParams: z
    .object({
      createdAfter: z.iso.datetime().optional(),
      createdBefore: z.iso.datetime().optional(),
      maximumSize: z.number().int().positive().optional(),
    })
    .optional(),
});
export type DocumentQueryRequest = z.infer<typeof documentQueryRequestSchema>;

export const documentFormatCodes = {
  L3: 'urn:epSOS:ps:ps:2010',
  L1: 'urn:ihe:iti:xds-sd:pdf:2008',
  FHIR: 'http://hl7.org/fhir/uv/ips',
} as const;

export const documentMetadataSchema = z.object({
  uuid: z.string().min(1).max(128),
  classCode: classCodeSchema,
  creationDate: z.iso.datetime(),
  description: z.string().max(500).optional(),
  formatCode: z.enum([documentFormatCodes.L3, documentFormatCodes.L1, documentFormatCodes.FHIR]),
  mimeType: z.enum(['text/xml', 'application/pdf', 'application/fhir+json']),
  size: z.number().int().nonnegative(),
  title: z.string().max(300),
  language: z
    .string()
    .regex(/^[a-z]{2}-[A-Z]{2}$/)
    .optional(),
  hcid: oidSchema,
  repositoryId: oidSchema,
  /** The other member of an L1/L3 pair. */
  associatedDocuments: z.array(z.object({ uuid: z.string().min(1).max(128), formatCode: z.string().max(64) })).max(4),
});
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

export const documentQueryResponseSchema = z.object({ documents: z.array(documentMetadataSchema).max(50) });

export const documentRetrieveRequestSchema = z.object({
  countryCode: countryCodeSchema,
  homeCommunityId: oidSchema,
  documentId: z.object({ repositoryUniqueId: oidSchema, documentUniqueId: z.string().min(1).max(128) }),
  classCode: classCodeSchema,
  targetLanguage: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/),
});
export type DocumentRetrieveRequest = z.infer<typeof documentRetrieveRequestSchema>;

/** Standard base64 (RFC 4648, no line breaks, padding optional), as the contract publishes it. */
export const BASE64_PATTERN = '^[A-Za-z0-9+/]*={0,2}$';
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * Whether a text matches BASE64_PATTERN, checked by a search for a foreign character and a look at the padding,
 * since the text is a whole document (hundreds of kilobytes), where that anchored pattern cost twice as much.
 */
export function isBase64(text: string): boolean {
  if (NOT_BASE64.test(text)) return false;
  const padding = text.indexOf('=');
  return padding === -1 || padding === text.length - 1 || (padding === text.length - 2 && text.endsWith('='));
}

export const documentRetrieveResponseSchema = z.object({
  document: documentMetadataSchema.extend({
    base64Binary: z.string().refine(isBase64, { message: 'not base64' }).meta({ pattern: BASE64_PATTERN }),
  }),
});

/**
 * eHDSI error codes the contact point answers with (see OpenNCP's EhdsiErrorCode); anything else is mapped to a
 * generic failure by the BFF.
 */
export const ehdsiErrorCodes = {
  ASSERTION_INVALID: '1001',
  TRC_MISMATCH: '1002',
  NO_PATIENT_SUMMARY: '1102',
  NO_CONSENT: '4701',
  INSUFFICIENT_RIGHTS: '4703',
  TRANSCODING_ERROR: '4203',
  CONSENT_PERIOD_PASSED: '1031',
  CONNECTION_NOT_POSSIBLE: '5036',
  PI_NO_MATCH: '5046',
  PI_MULTIPLE_MATCHES: '5047',
  GENERIC: '4999',
} as const;

export const contactPointErrorSchema = z.object({
  errorCode: z.string().regex(/^\d{4}$/),
  errorMessage: z.string().max(1000),
});
export type ContactPointError = z.infer<typeof contactPointErrorSchema>;

export const contactPointPaths = {
  countries: '/v1/countries',
  searchMask: (cc: string) => `/v1/countries/${cc}/search-mask`,
  patientQuery: '/v1/patients/query',
  documentQuery: '/v1/documents/query',
  documentRetrieve: '/v1/documents/retrieve',
} as const;
