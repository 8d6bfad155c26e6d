/**
 * The consent step, for a patient found in this session:
 * - GET  /api/patients/:ref/consent  the notice languages and purposes the patient's country allows, and the
 *                                    consent already recorded
 * - POST /api/patients/:ref/consent  record the professional's attestation (then document calls carry a TRC)
 */
import { Router } from 'express';
import { consentRequestSchema, type ConsentContext } from '@sesali/shared';
import type { Guards } from '../access/guards';
import { HttpError } from '../http/errors';
import { updateSession } from '../http/session-ops';
import { findPatient } from '../patients/patient-refs';
import type { CountryDirectory } from '../search/country-directory';
import { currentConsent, noticeLanguagesOf, recordConsent } from './consent';

export function consentRouter(deps: { guards: Guards; directory: CountryDirectory; ttlMinutes: number }): Router {
  const { guards, directory } = deps;
  const router = Router();
  const professional = [guards.requireSession, guards.deviceGate, guards.requireAccess, guards.requireSituation];

  router.get('/patients/:ref/consent', ...professional, async (req, res) => {
    const patient = findPatient(req, String(req.params.ref));
    const country = await directory.country(patient.countryCode);
    const consent = currentConsent(patient);
    const context: ConsentContext = {
      countryCode: country.code,
      countryName: country.name,
      noticeLanguages: noticeLanguagesOf(country.languages),
      purposesOfUse: country.purposesOfUse,
      consent: consent && {
        attestedAt: consent.attestedAt,
        expiresAt: consent.expiresAt,
        noticeLanguage: consent.noticeLanguage,
        purposeOfUse: consent.purposeOfUse,
      },
    };
    res.json(context);
  });

  router.post('/patients/:ref/consent', ...professional, async (req, res) => {
    const ref = String(req.params.ref);
    const patient = findPatient(req, ref);
    const parsed = consentRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
      throw new HttpError('invalid_request', { fields });
    }
    const country = await directory.country(patient.countryCode);
    if (!country.purposesOfUse.includes(parsed.data.purposeOfUse)) throw new HttpError('emergency_not_allowed');
    const consent = await updateSession(req, () => recordConsent(findPatient(req, ref), parsed.data, deps.ttlMinutes));
    res.status(201).json({
      attestedAt: consent.attestedAt,
      expiresAt: consent.expiresAt,
      noticeLanguage: consent.noticeLanguage,
      purposeOfUse: consent.purposeOfUse,
    });
  });

  return router;
}
