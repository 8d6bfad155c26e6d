/**
 * Patients found in this session, behind opaque random handles (`ref`). The national identifiers stay here,
 * in the server-side session: never in a URL, a log line or the browser. Another session's ref is unknown.
 */
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { PatientDemographics, RecordedConsent } from '@sesali/shared';
import { HttpError } from '../http/errors';

export interface StoredConsent extends RecordedConsent {
  emergencyReason?: string;
}

export interface FoundPatient {
  countryCode: string;
  demographics: PatientDemographics;
  foundAt: number;
  /** Recorded by the consent step; the TRC assertion of document calls derives from it. */
  consent?: StoredConsent;
}

/** A session keeps the last patients it found, not an unbounded list. */
const MAX_PATIENTS_PER_SESSION = 20;

declare module 'express-session' {
  interface SessionData {
    patients?: Record<string, FoundPatient>;
  }
}

export function rememberPatient(req: Request, patient: FoundPatient): string {
  const patients = { ...(req.session.patients ?? {}) };
  const refs = Object.keys(patients).sort((a, b) => (patients[a]?.foundAt ?? 0) - (patients[b]?.foundAt ?? 0));
  while (refs.length >= MAX_PATIENTS_PER_SESSION) delete patients[refs.shift() as string];
  const ref = randomBytes(18).toString('base64url');
  patients[ref] = patient;
  req.session.patients = patients;
  return ref;
}

export function findPatient(req: Request, ref: string): FoundPatient {
  const patients = req.session.patients ?? {};
  const found = Object.hasOwn(patients, ref) ? patients[ref] : undefined;
  if (!found) throw new HttpError('not_found', { detail: 'unknown patient ref' });
  return found;
}
