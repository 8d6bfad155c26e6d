/**
 * Patients found in this session, behind opaque random handles (`ref`). The national identifiers stay here,
 * in the server-side session: never in a URL, a log line or the browser. Another session's ref is unknown.
 */
import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { PatientDemographics, RecordedConsent } from '@sesali/shared';
import { HttpError } from '../http/errors';
import { updateSession } from '../http/session-ops';

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

/** Keeps the patients found by one search, each behind a new ref (in the order given). */
export function rememberPatients(req: Request, found: FoundPatient[]): Promise<string[]> {
  return updateSession(req, () => {
    const patients = { ...(req.session.patients ?? {}) };
    const refs = Object.keys(patients).sort((a, b) => (patients[a]?.foundAt ?? 0) - (patients[b]?.foundAt ?? 0));
    while (refs.length + found.length > MAX_PATIENTS_PER_SESSION && refs.length > 0)
      delete patients[refs.shift() as string];
    const added = found.map((patient) => {
      const ref = randomBytes(18).toString('base64url');
      patients[ref] = patient;
      return ref;
    });
    req.session.patients = patients;
    return added;
  });
}

export function findPatient(req: Request, ref: string): FoundPatient {
  const patients = req.session.patients ?? {};
  const found = Object.hasOwn(patients, ref) ? patients[ref] : undefined;
  if (!found) throw new HttpError('not_found', { detail: 'unknown patient ref' });
  return found;
}
