/**
 * Abuse limits (express-rate-limit): patient searches per session and per professional — so a session cannot
 * enumerate patients by trying identifiers — and logins per address. Kept in Redis (rate-limit-redis) when the
 * sessions are, so several instances share the counts; in memory otherwise (one instance). A search refused
 * answers 429 `too_many_requests` with its French message; a login refused lands on the login error page.
 */
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { RedisStore, type SendCommandFn } from 'rate-limit-redis';
import { appRoutes } from '@sesali/shared';
import type { Config } from '../config/config';
import { DomainError } from '../errors/domain-error';
import { storeFailuresAsUnavailable } from './store-failures';

export interface RateLimits {
  search: RequestHandler[];
  login: RequestHandler;
}

export function createRateLimits(settings: Config['rateLimits'], redis?: SendCommandFn): RateLimits {
  const store = (prefix: string): Store | undefined =>
    redis ? new RedisStore({ sendCommand: redis, prefix: `sesali:rl:${prefix}:` }) : undefined;
  const common = { standardHeaders: 'draft-8' as const, legacyHeaders: false };
  const tooMany =
    (detail: string): RequestHandler =>
    (_req, _res, next) =>
      next(new DomainError('too_many_requests', { detail }));
  return {
    // A search counted nowhere is refused (503) while the counters' store fails: the limits hold.
    search: [
      rateLimit({
        ...common,
        windowMs: 60_000,
        limit: settings.searchPerMinute,
        keyGenerator: (req) => req.sessionID,
        handler: tooMany('patient searches per session'),
        store: store('search-session'),
      }),
      rateLimit({
        ...common,
        windowMs: 3_600_000,
        limit: settings.searchPerHour,
        keyGenerator: (req) => req.session.user?.sub ?? req.sessionID,
        handler: tooMany('patient searches per professional'),
        store: store('search-professional'),
      }),
    ].map(storeFailuresAsUnavailable),
    login: rateLimit({
      ...common,
      windowMs: 60_000,
      limit: settings.loginPerMinute,
      handler: (_req, res) => res.redirect(303, `${appRoutes.loginError}?raison=too_many_attempts`),
      store: store('login'),
      // Starting a login stores nothing; with the counters' store down it goes on, and the callback says so.
      passOnStoreError: true,
    }),
  };
}
