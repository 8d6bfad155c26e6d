/**
 * The Express app, built apart from listen() so tests drive it with supertest. Middleware order matters:
 * logs, metrics and headers first, the machine endpoints (/healthz, /readyz, /metrics), then the auth
 * navigations, the API (origin check, JSON, session, guards), the SPA, and the error middleware last.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express } from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import { createGuards } from './access/guards';
import { createLoginService } from './auth/login-service';
import { authRouter } from './auth/routes';
import type { PscClient } from './auth/psc-client';
import type { Config } from './config/config';
import type { AssertionSigner } from './contact-point/assertions';
import type { ContactPointClient } from './contact-point/client';
import { sessionCookieName, sessionCookieOptions } from './http/cookies';
import { DomainError } from './errors/domain-error';
import { errorMiddleware } from './http/errors';
import { requestLog } from './http/logger';
import { apiGuard } from './http/api-access';
import { createRateLimits } from './http/rate-limits';
import { storeFailuresAsUnavailable } from './http/store-failures';
import type { SendCommandFn } from 'rate-limit-redis';
import { noStore, originCheck, requireJsonBody, securityHeaders } from './http/security';
import { consentRouter } from './consent/routes';
import { createConsentService } from './consent/consent-service';
import { noticesRouter } from './notices/routes';
import type { EuLanguage, Notice } from '@sesali/shared';
import { createCountryDirectory } from './search/country-directory';
import { summariesRouter } from './summaries/routes';
import { createSummaryService } from './summaries/summary-service';
import type { TerminologyCatalogue } from './terminology/catalogue';
import { searchRouter } from './search/routes';
import { createSearchService } from './search/search-service';
import { sessionRouter } from './session/routes';
import { createSessionService } from './session/session-service';
import type { AuditStore } from './audit/audit-store';
import type { AuditTrail } from './audit/audit-trail';
import { createHistoryService } from './me/history-service';
import { meRouter } from './me/routes';
import type { Metrics } from './observability/metrics';
import { bffReadiness } from './observability/readiness';
import { metricsHandler, readyzHandler } from './observability/routes';

export interface AppDependencies {
  psc: PscClient;
  signer: AssertionSigner;
  contactPoint: ContactPointClient;
  notices: ReadonlyMap<EuLanguage, Notice>;
  terminology: TerminologyCatalogue;
  sessionStore: session.Store;
  audit: AuditTrail;
  auditStore: AuditStore;
  /** Redis for the rate limits' counters, shared by the instances (unset: counted in this process). */
  rateLimitRedis?: SendCommandFn;
  logger: Logger;
  /** This app's metrics registry; the contact-point client and the audit trail report to it too. */
  metrics: Metrics;
}

export function createApp(config: Config, deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // API answers are no-store: an ETag (a SHA-1 of every body, a summary is hundreds of KB) would serve nothing.
  app.set('etag', false);
  if (config.trustProxy)
    app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);

  app.use(requestLog(deps.logger));
  app.use(deps.metrics.httpMetrics());
  app.use(securityHeaders());
  app.use(originCheck(config.publicUrl));

  // Liveness (the process answers), readiness (its stores and the contact point answer), metrics (with a
  // token): machine endpoints, outside /api and its session (docs/observability.md).
  app.get('/healthz', noStore(), (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', noStore(), readyzHandler(bffReadiness(deps)));
  app.get('/metrics', noStore(), metricsHandler(deps.metrics, config.metricsToken));

  // Public keys of the HCP and TRC assertions, for the contact point to verify them.
  app.get('/.well-known/jwks.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.json(deps.signer.jwks);
  });

  // A session store failing for a while (Redis restarting) answers 503, not 500 (http/store-failures.ts).
  const sessions = storeFailuresAsUnavailable(
    session({
      name: sessionCookieName(config.secureCookies),
      secret: config.session.secret,
      store: deps.sessionStore,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: 'destroy',
      proxy: config.trustProxy !== undefined,
      cookie: sessionCookieOptions(config.secureCookies, config.session.idleMinutes),
    }),
  );
  const guards = createGuards(config, deps.audit);
  const limits = createRateLimits(config.rateLimits, deps.rateLimitRedis);

  app.use(
    '/auth',
    noStore(),
    express.json({ limit: '1kb' }),
    sessions,
    authRouter(
      config,
      createLoginService({
        psc: deps.psc,
        audit: deps.audit,
        logger: deps.logger,
        browserMinVersions: config.browserMinVersions,
      }),
      limits.login,
    ),
  );

  const directory = createCountryDirectory(deps.contactPoint, deps.logger);
  const { audit, contactPoint, signer, terminology } = deps;
  app.use(
    '/api',
    noStore(),
    requireJsonBody(),
    express.json({ limit: '16kb' }),
    sessions,
    // Mounted once, in front of every /api router: a new route is protected unless api-access.ts lists it.
    apiGuard(guards),
    sessionRouter(createSessionService(audit, config.session)),
    noticesRouter(deps.notices),
    searchRouter(createSearchService({ audit, directory, contactPoint, signer }), limits.search),
    consentRouter(createConsentService({ audit, directory, ttlMinutes: config.consentTtlMinutes })),
    summariesRouter(
      createSummaryService({
        audit,
        contactPoint,
        signer,
        directory,
        terminology,
        maxDocumentBytes: config.contactPoint.maxDocumentBytes,
      }),
    ),
    meRouter(createHistoryService(deps.auditStore)),
  );
  app.use('/api', (_req, _res, next) => next(new DomainError('not_found')));

  if (config.staticDir) serveSpa(app, resolve(config.staticDir));

  app.use(errorMiddleware(deps.logger));
  return app;
}

/** The built SPA: hashed assets cached for a year, index.html revalidated, SPA routes answered with it. */
function serveSpa(app: Express, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`STATIC_DIR has no index.html: ${dir}`);
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get('/{*splat}', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
