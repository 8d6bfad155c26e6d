/**
 * MSW handlers of the BFF's country list and patient search, for the SPA's unit tests. A few countries and
 * patients held in memory stand for what the BFF would get from the national contact points; requests are
 * checked with the shared contracts and validateSearch, as the BFF checks them, so a client that sends a bad
 * request fails its test here too. Planned or unknown countries answer not_found, unavailable ones
 * country_unavailable, and GET /api/patients/:ref knows only the candidates this handler set has returned.
 *
 * What a search answers is in `searchOutcomes`. Portugal's number drives it: 123456789 one patient, 222222222 two,
 * 333333333 patient_not_activated, 555555555 contact_point_error, 999999999 contact_point_timeout; any other
 * well-formed value finds nobody (patient_not_found).
 */
import { http, HttpResponse } from 'msw';
import {
  apiPaths,
  errorCatalogue,
  patientSearchRequestSchema,
  validateSearch,
  type ErrorCode,
  type PatientCandidate,
  type PublicCountries,
  type SearchField,
  type SearchForm,
  type SessionResponse,
} from '@sesali/shared';
import { apiError } from './api-error';
import { refusal } from './refusal';

type PublicCountry = PublicCountries['countries'][number];
export type CountryStatus = PublicCountry['status'];

export interface SearchHandlersOptions {
  /**
   * Who is logged in (null: nobody), or how to know it now (bffHandlers passes its session, which changes with
   * the situation choice and logout); protected endpoints answer as the BFF would.
   */
  session: SessionResponse | null | (() => SessionResponse | null);
  /** Statuses to change, e.g. `{ CY: 'live' }` to search Cyprus, `{ PT: 'unavailable' }` for a broken mask. */
  statuses?: Partial<Record<string, CountryStatus>>;
}

/** In the API's order, not alphabetical: the SPA sorts. */
export const mockCountries: PublicCountry[] = [
  { code: 'PT', name: 'Portugal', status: 'live' },
  { code: 'ES', name: 'Espagne', status: 'live' },
  { code: 'HR', name: 'Croatie', status: 'live' },
  { code: 'CZ', name: 'Tchéquie', status: 'live' },
  { code: 'EE', name: 'Estonie', status: 'live' },
  { code: 'LU', name: 'Luxembourg', status: 'live' },
  { code: 'MT', name: 'Malte', status: 'unavailable' },
  { code: 'SI', name: 'Slovénie', status: 'planned' },
  { code: 'CY', name: 'Chypre', status: 'planned' },
  { code: 'GR', name: 'Grèce', status: 'planned' },
  { code: 'IE', name: 'Irlande', status: 'planned' },
  { code: 'IT', name: 'Italie', status: 'planned' },
];

/** A 1×1 PNG: the SPA only needs a picture to show. */
const CARD_PICTURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const identifier = (
  domain: string,
  label: string,
  nationalLabel: string,
  hint: string,
  format: string,
): SearchField => ({
  key: `id:${domain}`,
  kind: 'identifier',
  domain,
  label,
  nationalLabel,
  hint,
  format,
  mandatory: true,
});

const singleIdentifier = (countryCode: string, countryName: string, field: SearchField): SearchForm => ({
  countryCode,
  countryName,
  identifierGroups: [{ label: field.label, fields: [field] }],
  otherFields: [],
});

export const ptHealthNumber = identifier(
  '2.16.620.1.101.10.1.1',
  'Numéro d’utilisateur du service national de santé',
  'Número de utente de Saúde',
  'National health service user number',
  '[0-9]{9}',
);
export const esRegionalId = identifier(
  '2.16.724.4.41',
  'Identifiant personnel régional (CIP)',
  'Código de identificación personal autonómico (CIP)',
  'Regional Person Identifier',
  '[A-Z0-9]+',
);
export const esRegionCode = identifier(
  '2.16.724.4.42',
  'Code de la communauté autonome (CITE)',
  'Código de la comunidad autónoma (CITE)',
  'Region Identifier',
  '\\d{6}',
);
export const esNationalId = identifier(
  '2.16.724.4.40',
  'Identifiant personnel national (CIP-SNS)',
  'Código de identificación personal del SNS (CIP-SNS)',
  'National Person Identifier',
  '[A-Z0-9]+',
);
export const cyIdentityCard = identifier(
  '2.16.840.1.113883.3.9143.1.1',
  'Numéro de carte d’identité',
  'Αριθμός δελτίου ταυτότητας',
  'Identity card number',
  '[0-9]+',
);

/** Search forms as the BFF builds them from the masks: PT (NORMAL, card picture), ES (CHOICE), CY (birth date). */
export const mockSearchForms: Record<string, SearchForm> = {
  PT: { ...singleIdentifier('PT', 'Portugal', ptHealthNumber), cardPicture: CARD_PICTURE },
  ES: {
    countryCode: 'ES',
    countryName: 'Espagne',
    identifierGroups: [
      { label: 'Identifiant régional (CIP et code de la communauté autonome)', fields: [esRegionalId, esRegionCode] },
      { label: 'Identifiant national (CIP-SNS)', fields: [esNationalId] },
    ],
    otherFields: [],
  },
  CY: {
    countryCode: 'CY',
    countryName: 'Chypre',
    identifierGroups: [{ label: cyIdentityCard.label, fields: [cyIdentityCard] }],
    otherFields: [
      {
        key: 'birthDate',
        kind: 'birthDate',
        label: 'Date de naissance',
        nationalLabel: 'Ημερομηνία γέννησης',
        hint: 'Birth date',
        mandatory: true,
      },
      { key: 'gender', kind: 'gender', label: 'Sexe', mandatory: false },
    ],
  },
  HR: singleIdentifier(
    'HR',
    'Croatie',
    identifier('2.16.840.1.113883.2.7.2.2', 'Numéro d’assuré (MBO)', 'Matični broj osiguranika (MBO)', 'MBO', '\\d{9}'),
  ),
  CZ: singleIdentifier(
    'CZ',
    'Tchéquie',
    identifier(
      '2.16.17.710.804.1000.990.1',
      'Numéro de carte d’identité',
      'Číslo občanského průkazu',
      'ID card',
      '[a-zA-Z|\\d]{7,12}',
    ),
  ),
  EE: singleIdentifier(
    'EE',
    'Estonie',
    identifier(
      '1.3.6.1.4.1.28284.6.2.2.1',
      'Code d’identification personnel',
      'Isikukood',
      'Personal identification code',
      '([0-9]{11})',
    ),
  ),
  LU: singleIdentifier(
    'LU',
    'Luxembourg',
    identifier('1.3.182.4.4', 'Matricule national', 'Matricule', 'National identification number', '\\d{13}'),
  ),
};

export const mockCandidates = {
  mariaSantos: {
    ref: 'pt-maria-santos-0001',
    countryCode: 'PT',
    givenName: 'Maria',
    familyName: 'SILVA SANTOS',
    birthDate: '1985-03-14',
    gender: 'F',
    address: 'Rua Augusta 100, 1100-053 Lisboa',
  },
  joaoFerreiraPorto: {
    ref: 'pt-joao-ferreira-0001',
    countryCode: 'PT',
    givenName: 'João',
    familyName: 'FERREIRA',
    birthDate: '1950-07-01',
    gender: 'M',
    address: 'Rua de Santa Catarina 12, 4000-442 Porto',
  },
  joaoFerreiraBraga: {
    ref: 'pt-joao-ferreira-0002',
    countryCode: 'PT',
    givenName: 'João',
    familyName: 'FERREIRA',
    birthDate: '1978-11-23',
    gender: 'M',
    address: null,
  },
  carmenLopez: {
    ref: 'es-carmen-lopez-00001',
    countryCode: 'ES',
    givenName: 'Carmen',
    familyName: 'LÓPEZ GARCÍA',
    birthDate: '1990-01-31',
    gender: 'F',
    address: 'Calle Mayor 5, 28013 Madrid',
  },
  javierMartinez: {
    ref: 'es-javier-martinez-001',
    countryCode: 'ES',
    givenName: 'Javier',
    familyName: 'MARTÍNEZ RUIZ',
    birthDate: '1969-06-02',
    gender: 'M',
    address: null,
  },
  andreasGeorgiou: {
    ref: 'cy-andreas-georgiou-01',
    countryCode: 'CY',
    givenName: 'Andreas',
    familyName: 'GEORGIOU',
    birthDate: '1980-05-17',
    gender: 'UN',
    address: 'Leoforos Makariou 20, 1065 Lefkosia',
  },
} satisfies Record<string, PatientCandidate>;

type Outcome = { candidates: PatientCandidate[] } | { error: ErrorCode };

/** What each country answers for given values (all must match); anything else finds nobody. */
const searchOutcomes: { countryCode: string; group: number; values: Record<string, string>; outcome: Outcome }[] = [
  // Portugal: one patient, two patients, an identified patient who did not activate the service, failures.
  {
    countryCode: 'PT',
    group: 0,
    values: { [ptHealthNumber.key]: '123456789' },
    outcome: { candidates: [mockCandidates.mariaSantos] },
  },
  {
    countryCode: 'PT',
    group: 0,
    values: { [ptHealthNumber.key]: '222222222' },
    outcome: { candidates: [mockCandidates.joaoFerreiraPorto, mockCandidates.joaoFerreiraBraga] },
  },
  {
    countryCode: 'PT',
    group: 0,
    values: { [ptHealthNumber.key]: '333333333' },
    outcome: { error: 'patient_not_activated' },
  },
  {
    countryCode: 'PT',
    group: 0,
    values: { [ptHealthNumber.key]: '555555555' },
    outcome: { error: 'contact_point_error' },
  },
  {
    countryCode: 'PT',
    group: 0,
    values: { [ptHealthNumber.key]: '999999999' },
    outcome: { error: 'contact_point_timeout' },
  },
  {
    countryCode: 'ES',
    group: 0,
    values: { [esRegionalId.key]: 'BBBBBBBBQR648597', [esRegionCode.key]: '130000' },
    outcome: { candidates: [mockCandidates.carmenLopez] },
  },
  {
    countryCode: 'ES',
    group: 1,
    values: { [esNationalId.key]: 'BBBBBBBBBB123456' },
    outcome: { candidates: [mockCandidates.javierMartinez] },
  },
  {
    countryCode: 'CY',
    group: 0,
    values: { [cyIdentityCard.key]: '1234567', birthDate: '1980-05-17' },
    outcome: { candidates: [mockCandidates.andreasGeorgiou] },
  },
];

export function searchHandlers({ session: sessionOrGetter, statuses = {} }: SearchHandlersOptions) {
  const currentSession = () => (typeof sessionOrGetter === 'function' ? sessionOrGetter() : sessionOrGetter);
  const countries = mockCountries.map((c) => ({ ...c, status: statuses[c.code] ?? c.status }));
  // Candidates the professional was shown in this session: the only ones GET /api/patients/:ref gives back.
  const shown = new Map<string, PatientCandidate>();

  /** The form of a country the professional may search now, or the BFF's error. */
  const searchFormOf = (countryCode: string): SearchForm | ErrorCode => {
    const country = countries.find((c) => c.code === countryCode);
    const form = mockSearchForms[countryCode];
    if (!country || country.status === 'planned' || !form) return 'not_found';
    if (country.status === 'unavailable') return 'country_unavailable';
    return form;
  };

  return [
    // Public: the home page and the country picker.
    http.get(apiPaths.countries, () => HttpResponse.json({ countries })),

    http.get(apiPaths.searchForm(':cc'), ({ params }) => {
      const refused = refusal(currentSession());
      if (refused) return refused;
      const form = searchFormOf(String(params.cc));
      return typeof form === 'string' ? apiError(form) : HttpResponse.json(form);
    }),

    http.post(apiPaths.patientSearch, async ({ request }) => {
      const refused = refusal(currentSession());
      if (refused) return refused;
      const body = patientSearchRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return apiError('invalid_request');
      const form = searchFormOf(body.data.countryCode);
      if (typeof form === 'string') return apiError(form);
      const group = form.identifierGroups[body.data.group];
      const known = new Set([...(group?.fields ?? []), ...form.otherFields].map((f) => f.key));
      // Stricter than the BFF, which ignores them: values of another identifier group, or of no field, mean the
      // SPA sent an identifier for nothing, a bug its tests should catch.
      if (Object.keys(body.data.values).some((key) => !known.has(key))) return apiError('invalid_request');
      const fields = validateSearch(form, body.data);
      if (Object.keys(fields).length > 0) {
        return HttpResponse.json(
          { code: 'invalid_request', message: errorCatalogue.invalid_request.message, fields },
          { status: errorCatalogue.invalid_request.status },
        );
      }
      const values = Object.fromEntries(Object.entries(body.data.values).map(([k, v]) => [k, v.trim()]));
      const found = searchOutcomes.find(
        (o) =>
          o.countryCode === form.countryCode &&
          o.group === body.data.group &&
          Object.entries(o.values).every(([key, value]) => values[key] === value),
      );
      const outcome: Outcome = found?.outcome ?? { error: 'patient_not_found' };
      if ('error' in outcome) return apiError(outcome.error);
      for (const c of outcome.candidates) shown.set(c.ref, c);
      return HttpResponse.json({ candidates: outcome.candidates });
    }),

    http.get(apiPaths.patient(':ref'), ({ params }) => {
      const refused = refusal(currentSession());
      if (refused) return refused;
      const found = shown.get(String(params.ref));
      return found ? HttpResponse.json(found) : apiError('not_found');
    }),
  ];
}
