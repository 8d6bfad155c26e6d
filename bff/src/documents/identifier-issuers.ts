/**
 * Who issues the patient identifiers member states put in a Patient Summary, by the identifier's root OID: the
 * identification domains of the countries' International Search Masks (DOMAIN §5) and those seen in the
 * public eHDSI documents. Shown beside the identifier so that a clinician can tell a national health number
 * from a local record number; an unknown root is shown as it is.
 */
const ISSUERS: ReadonlyMap<string, string> = new Map([
  ['2.16.620.1.101.10.1.1', 'Portugal — Número de utente (SNS)'],
  ['2.16.840.1.113883.2.7.2.2', 'Croatie — MBO (HZZO)'],
  ['2.16.470.1.100.1.1.1000.990.1', 'Malte — carte d’identité'],
  ['2.16.17.710.804.1000.990.1', 'Tchéquie — carte d’identité'],
  ['1.3.182.4.4', 'Luxembourg — matricule national'],
  ['2.16.724.4.41', 'Espagne — CIP autonomique'],
  ['2.16.724.4.42', 'Espagne — code CITE'],
  ['2.16.724.4.40', 'Espagne — CIP SNS'],
  ['1.3.6.1.4.1.28284.6.2.2.1', 'Estonie — isikukood'],
  ['2.16.840.1.113883.2.25.3.4.1.1.2', 'Grèce — AMKA'],
  ['2.16.840.1.113883.3.9143.1.1', 'Chypre — carte d’identité'],
  ['1.2.372.980010.1.2', 'Irlande — PPSN'],
  ['2.16.840.1.113883.2.9.4.3.2', 'Italie — codice fiscale'],
  ['2.16.840.1.113883.4.1', 'États-Unis — numéro de sécurité sociale'],
]);

export const identifierIssuer = (root: string): string | undefined =>
  ISSUERS.get(root.trim().replace(/^urn:oid:/i, ''));
