/**
 * Who may call what under /api, in one table: every route requires a professional (a session within its
 * lifetime, a desktop browser, an "allow" access decision and a chosen situation) unless it is listed here
 * with less. The guard is mounted once in front of every /api router (app.ts), so a new route is protected
 * by default; `api-access.test.ts` fails when a route answers without a session and is not listed public.
 */
import type { RequestHandler } from 'express';
import { apiPaths } from '@sesali/shared';
import type { Guards } from '../access/guards';

/** A path of `apiPaths` as the /api routers see it (mounted under /api). */
export const apiRoute = (path: string): string => path.replace(/^\/api(?=\/)/, '');

/**
 * - public: anyone (the home page lists the countries; a notice is printed before logging in);
 * - session: a logged-in professional on an allowed device, even refused (the SPA shows why);
 * - access: allowed, before a situation is chosen (to choose it);
 * - professional: everything else.
 */
export type AccessLevel = 'public' | 'session' | 'access' | 'professional';

const exact = (path: string) => new RegExp(`^${apiRoute(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const API_ACCESS: readonly { method: string; path: RegExp; level: Exclude<AccessLevel, 'professional'> }[] = [
  { method: 'GET', path: exact(apiPaths.countries), level: 'public' },
  { method: 'GET', path: exact(apiPaths.notices), level: 'public' },
  { method: 'GET', path: /^\/notices\/[^/]+$/, level: 'public' },
  { method: 'GET', path: exact(apiPaths.session), level: 'session' },
  { method: 'POST', path: exact(apiPaths.sessionSituation), level: 'access' },
];

export function accessLevel(method: string, path: string): AccessLevel {
  // HEAD is answered by GET routes.
  const verb = method === 'HEAD' ? 'GET' : method;
  return API_ACCESS.find((rule) => rule.method === verb && rule.path.test(path))?.level ?? 'professional';
}

/** The guards a request passes before any /api router, by its route's access level. */
export function apiGuard(guards: Guards): RequestHandler {
  const chains: Record<AccessLevel, RequestHandler[]> = {
    public: [],
    session: [guards.requireSession, guards.deviceGate],
    access: [guards.requireSession, guards.deviceGate, guards.requireAccess],
    professional: [guards.requireSession, guards.deviceGate, guards.requireAccess, guards.requireSituation],
  };
  return (req, res, next) => {
    const chain = chains[accessLevel(req.method, req.path)];
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined) return next(error);
      const guard = chain[index++];
      if (!guard) return next();
      guard(req, res, step);
    };
    step();
  };
}
