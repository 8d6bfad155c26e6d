/**
 * Patients found in this session, behind opaque random handles (`ref`). The national identifiers stay here,
 * in the server-side session: never in a URL, a log line or the browser. Another session's ref is unknown.
 * Plain functions over the session's data; http/session-context.ts applies them to a request's session.
 */
import { randomBytes } from 'node:crypto';
import type { PatientDemographics, RecordedConsent } from '@sesali/shared';
import { DomainError } from '../errors/domain-error';

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

/** The patients of a session plus those found by one search, each behind a new ref (in the order given). */
export function addPatients(
  current: Readonly<Record<string, FoundPatient>> | undefined,
  found: FoundPatient[],
): { patients: Record<string, FoundPatient>; refs: string[] } {
  const patients = { ...(current ?? {}) };
  const refs = Object.keys(patients).sort((a, b) => (patients[a]?.foundAt ?? 0) - (patients[b]?.foundAt ?? 0));
  while (refs.length + found.length > MAX_PATIENTS_PER_SESSION && refs.length > 0)
    delete patients[refs.shift() as string];
  const added = found.map((patient) => {
    const ref = randomBytes(18).toString('base64url');
    patients[ref] = patient;
    return ref;
  });
  return { patients, refs: added };
}

/** The patient behind a ref of this session; another session's ref, or a made-up one, is not found. */
export function findPatient(patients: Readonly<Record<string, FoundPatient>> | undefined, ref: string): FoundPatient {
  const found = patients !== undefined && Object.hasOwn(patients, ref) ? patients[ref] : undefined;
  if (!found) throw new DomainError('not_found', { detail: 'unknown patient ref' });
  return found;
}
