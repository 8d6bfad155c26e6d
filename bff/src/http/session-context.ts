/**
 * What routers take from, and put into, the server-side session — the only place where the request's session
 * meets the Express-free services: the professional logged in, the patients found, and changes made as one
 * step against concurrent requests of the same session (updateSession, ADR 004).
 */
import type { Request, Response } from 'express';
import type { RequestContext } from '../audit/audit-trail';
import type { SessionUser } from '../auth/session-data';
import { DomainError } from '../errors/domain-error';
import { addPatients, findPatient, type FoundPatient } from '../patients/patient-refs';
import { requestIdOf } from './logger';
import { updateSession } from './session-ops';

/** The professional of the session (the guards have checked there is one). */
export function sessionUser(req: Request): SessionUser {
  const user = req.session.user;
  if (!user) throw new DomainError('not_authenticated');
  return user;
}

/** Who makes this request, for the services and the events they record. */
export const requestContext = (req: Request, res: Response): RequestContext => ({
  user: sessionUser(req),
  requestId: requestIdOf(res),
});

/** The patient behind `ref` among those this session found. */
export const sessionPatient = (req: Request, ref: string): FoundPatient => findPatient(req.session.patients, ref);

/** Keeps the patients of a search behind new refs; returns the refs, in the order given. */
export function rememberPatients(req: Request, found: FoundPatient[]): Promise<string[]> {
  return updateSession(req, () => {
    const { patients, refs } = addPatients(req.session.patients, found);
    req.session.patients = patients;
    return refs;
  });
}

/** Changes one found patient (its consent), on the stored session reloaded, and saves it. */
export function changePatient<T>(req: Request, ref: string, change: (patient: FoundPatient) => T): Promise<T> {
  return updateSession(req, () => change(findPatient(req.session.patients, ref)));
}

/** Changes the professional of the session, on the stored session reloaded, and saves it. */
export function changeUser<T>(req: Request, change: (user: SessionUser) => T): Promise<T> {
  return updateSession(req, () => change(sessionUser(req)));
}
