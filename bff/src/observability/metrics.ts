/**
 * The BFF's Prometheus metrics, in a registry of each app's own (tests build many apps): the process's default
 * metrics, and the durations of HTTP requests, of calls to the contact point and of audit writes. Every label
 * comes from a closed set — methods, route patterns, status codes, operations, EU country codes, outcomes —
 * so the series stay few and carry no identifier and no personal data. docs/observability.md lists them.
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AuditWrite } from '../audit/audit-trail';
import type { ContactPointCall } from '../contact-point/client';
import { routePatternOf } from '../http/logger';

/**
 * The countries a patient can come from over MyHealth@EU: the EU's (Greece as GR and as EL, the EU's own
 * code) and the EEA's. Any other code is labelled `other`; a call about no country, `none`.
 */
export const METRIC_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(' '),
);

export function countryLabel(code: string | undefined): string {
  if (code === undefined) return 'none';
  return METRIC_COUNTRIES.has(code) ? code : 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** nginx's code for a request whose client went away before the answer was sent. */
const CLIENT_CLOSED = '499';

export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const contactPointDuration = new Histogram({
    name: 'contact_point_request_duration_seconds',
    help: "Duration of calls to the national contact point, by operation, patient's country and outcome.",
    labelNames: ['operation', 'country', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60],
    registers: [registry],
  });
  const auditWriteDuration = new Histogram({
    name: 'audit_write_duration_seconds',
    help: 'Duration of audit event appends (committed), by store and outcome.',
    labelNames: ['store', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  return {
    registry,

    /** Times every request, labelled once its response ends or its client goes away. */
    httpMetrics(): RequestHandler {
      return (req, res, next) => {
        const started = performance.now();
        let done = false;
        const end = () => {
          if (done) return;
          done = true;
          httpRequestDuration.observe(
            {
              method: METHODS.has(req.method) ? req.method : 'OTHER',
              route: routePatternOf(req),
              status_code: res.writableFinished ? String(res.statusCode) : CLIENT_CLOSED,
            },
            (performance.now() - started) / 1000,
          );
        };
        res.once('finish', end);
        res.once('close', end);
        next();
      };
    },

    observeContactPoint: (call: ContactPointCall): void => {
      contactPointDuration.observe(
        { operation: call.operation, country: countryLabel(call.country), outcome: call.outcome },
        call.seconds,
      );
    },

    observeAuditWrite: (write: AuditWrite): void => {
      auditWriteDuration.observe({ store: write.store, outcome: write.outcome }, write.seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
