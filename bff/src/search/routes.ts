/**
 * Finding the patient:
 * - GET  /api/countries                  public: countries and their status (home page, country picker)
 * - GET  /api/countries/:cc/search-form  the country's search form, built from its checked search mask
 * - POST /api/patients/search            identify the patient at the contact point; candidates behind refs
 * - GET  /api/patients/:ref              a candidate found in this session (confirmation page)
 */
import { Router, type Request } from 'express';
import {
  apiPaths,
  patientSearchRequestSchema,
  validateSearch,
  type PatientCandidate,
  type PatientDemographics,
  type PatientSearchRequest,
  type SearchForm,
} from '@sesali/shared';
import type { Guards } from '../access/guards';
import type { SessionUser } from '../auth/session-data';
import type { AssertionSigner } from '../contact-point/assertions';
import { ContactPointFailure, type ContactPointClient } from '../contact-point/client';
import { hcpContext } from '../contact-point/hcp-context';
import { HttpError } from '../http/errors';
import { findPatient, rememberPatients, type FoundPatient } from '../patients/patient-refs';
import type { CountryDirectory } from './country-directory';

const relative = (path: string) => path.replace(/^\/api/, '');
const COUNTRY = /^[A-Z]{2}$/;

function countryParam(req: Request): string {
  const code = String(req.params.cc ?? '').toUpperCase();
  if (!COUNTRY.test(code)) throw new HttpError('not_found');
  return code;
}

/** The mask's fields → the ClientConnector's patientDemographics. */
function demographicsFrom(form: SearchForm, request: PatientSearchRequest): PatientDemographics {
  const group = form.identifierGroups[request.group];
  const value = (key: string) => request.values[key]?.trim() || undefined;
  const patientId = (group?.fields ?? []).flatMap((f) =>
    f.domain && value(f.key) ? [{ root: f.domain, extension: value(f.key) as string }] : [],
  );
  const demographics: PatientDemographics = { patientId };
  for (const field of form.otherFields) {
    const v = value(field.key);
    if (!v) continue;
    if (field.kind === 'birthDate') demographics.birthDate = v;
    else if (field.kind === 'gender')
      demographics.administrativeGender = v as PatientDemographics['administrativeGender'];
    else if (field.key === 'text:label.ism.familyName') demographics.familyName = v;
    else if (field.key === 'text:label.ism.givenName') demographics.givenName = v;
  }
  return demographics;
}

function toCandidate(ref: string, found: FoundPatient): PatientCandidate {
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

export function searchRouter(deps: {
  guards: Guards;
  directory: CountryDirectory;
  contactPoint: ContactPointClient;
  signer: AssertionSigner;
}): Router {
  const { guards, directory } = deps;
  const router = Router();
  const professional = [guards.requireSession, guards.deviceGate, guards.requireAccess, guards.requireSituation];

  router.get(relative(apiPaths.countries), async (_req, res) => {
    res.json({ countries: await directory.list() });
  });

  router.get('/countries/:cc/search-form', ...professional, async (req, res) => {
    res.json(await directory.form(countryParam(req)));
  });

  router.post(relative(apiPaths.patientSearch), ...professional, async (req, res) => {
    const parsed = patientSearchRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError('invalid_request');
    const form = await directory.form(parsed.data.countryCode);
    const fields = validateSearch(form, parsed.data);
    if (Object.keys(fields).length > 0) throw new HttpError('invalid_request', { fields });

    const user = req.session.user as SessionUser;
    const hcp = await deps.signer.hcp(hcpContext(user, 'TREATMENT'));
    let patients: PatientDemographics[];
    try {
      patients = await deps.contactPoint.queryPatients(
        { countryCode: parsed.data.countryCode, patientDemographics: demographicsFrom(form, parsed.data) },
        { hcp },
      );
    } catch (error) {
      if (error instanceof ContactPointFailure)
        throw new HttpError(error.code, { detail: error.message, cause: error });
      throw error;
    }
    if (patients.length === 0) throw new HttpError('patient_not_found');
    const found = patients.map((demographics) => ({
      countryCode: parsed.data.countryCode,
      demographics,
      foundAt: Date.now(),
    }));
    const refs = await rememberPatients(req, found);
    const candidates = found.map((patient, i) => toCandidate(refs[i] as string, patient));
    res.json({ candidates });
  });

  router.get('/patients/:ref', ...professional, (req, res) => {
    const ref = String(req.params.ref);
    res.json(toCandidate(ref, findPatient(req, ref)));
  });

  return router;
}
