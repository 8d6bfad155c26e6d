/**
 * The contact-point API as an OpenAPI 3.1 document, generated from the zod contracts so it cannot drift:
 * docs/contact-point-openapi.json is this object, checked by a test and rewritten by `npm run openapi`.
 */
import { z } from 'zod';
import { assertionHeaders } from './assertions';
import {
  contactPointErrorSchema,
  countriesResponseSchema,
  documentQueryRequestSchema,
  documentQueryResponseSchema,
  documentRetrieveRequestSchema,
  documentRetrieveResponseSchema,
  patientQueryRequestSchema,
  patientQueryResponseSchema,
} from './contact-point';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });
const errors = {
  '400': { description: 'Invalid request (eHDSI 4999)', content: json(contactPointErrorSchema) },
  '403': {
    description: 'Assertion missing or rejected (1001, 1002), no consent (4701), insufficient rights (4703)',
    content: json(contactPointErrorSchema),
  },
  '404': {
    description: 'Unknown patient (5046), no patient summary (1102), unknown document',
    content: json(contactPointErrorSchema),
  },
  '503': { description: 'The member state cannot be reached (5036)', content: json(contactPointErrorSchema) },
};
const hcpHeader = {
  name: assertionHeaders.hcp,
  in: 'header',
  required: true,
  description: 'HCP identity assertion (ES256 JWT)',
  schema: { type: 'string' },
};
const trcHeader = {
  name: assertionHeaders.trc,
  in: 'header',
  required: true,
  description: 'Treatment relationship confirmation (ES256 JWT)',
  schema: { type: 'string' },
};

export function contactPointOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sesali contact-point API',
      version: '1.0.0',
      description:
        'The national contact point as Sesali calls it, modelled on OpenNCP ClientConnector. Assertions are verified against the JWKS the BFF publishes at /.well-known/jwks.json.',
    },
    paths: {
      '/v1/countries': {
        get: {
          operationId: 'listCountries',
          responses: { '200': { description: 'Countries and their status', content: json(countriesResponseSchema) } },
        },
      },
      '/v1/countries/{cc}/search-mask': {
        get: {
          operationId: 'getSearchMask',
          parameters: [{ name: 'cc', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z]{2}$' } }],
          responses: {
            '200': {
              description: 'eHDSI International Search Mask',
              content: { 'application/xml': { schema: { type: 'string' } } },
            },
            '404': errors['404'],
          },
        },
      },
      '/v1/patients/query': {
        post: {
          operationId: 'queryPatient',
          parameters: [hcpHeader],
          requestBody: { required: true, content: json(patientQueryRequestSchema) },
          responses: {
            '200': { description: 'Matching patients (none: empty list)', content: json(patientQueryResponseSchema) },
            ...errors,
          },
        },
      },
      '/v1/documents/query': {
        post: {
          operationId: 'queryDocuments',
          parameters: [hcpHeader, trcHeader],
          requestBody: { required: true, content: json(documentQueryRequestSchema) },
          responses: {
            '200': { description: 'Document metadata', content: json(documentQueryResponseSchema) },
            ...errors,
          },
        },
      },
      '/v1/documents/retrieve': {
        post: {
          operationId: 'retrieveDocument',
          parameters: [hcpHeader, trcHeader],
          requestBody: { required: true, content: json(documentRetrieveRequestSchema) },
          responses: {
            '200': { description: 'The document, base64', content: json(documentRetrieveResponseSchema) },
            ...errors,
          },
        },
      },
    },
  };
}
