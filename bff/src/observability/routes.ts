/**
 * The machine endpoints beside /healthz, mounted at the top level (not under /api, no session):
 * - `GET /readyz`: 200 `{status:'ready', checks}` or 503 naming each unavailable check;
 * - `GET /metrics`: Prometheus text, only with METRICS_TOKEN configured and sent as a bearer token (compared in
 *   constant time); 404 when no token is configured, 401 when the token is missing or wrong.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error';
import type { Metrics } from './metrics';
import type { ReadinessReport } from './readiness';

export function readyzHandler(readiness: () => Promise<ReadinessReport>): RequestHandler {
  return async (_req, res) => {
    const report = await readiness();
    res.status(report.status === 'ready' ? 200 : 503).json(report);
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the Authorization header carries the token; hashing first makes the comparison length-independent. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(header ?? '');
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

export function metricsHandler(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res, next) => {
    if (token === undefined) return next(new DomainError('not_found'));
    if (!bearerMatches(req.get('authorization'), token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').end();
      return;
    }
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}
