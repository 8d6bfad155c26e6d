/**
 * Structured logs without personal data (pino; pino-http for the request lines). A request's line carries its
 * id, the method, the route pattern (not the raw URL: no query string, no identifiers), the status and the
 * duration. Headers, cookies, bodies and query strings are never logged: the serializers keep only the method
 * and the status, and redaction removes the rest should a raw request or response reach a log call.
 * docs/observability.md describes the lines.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Removed from every line, wherever a raw request, response or header object would put them. */
const REDACTED = [
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  'req.headers',
  'req.url',
  'req.query',
  'req.params',
  'req.body',
  'req.remoteAddress',
  'req.remotePort',
  'res.headers',
];
const redact = { paths: REDACTED, remove: true };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'sesali-bff' }, redact };
  return destination ? pino(options, destination) : pino(options);
}

/** The request's id (given to every request, sent back as X-Request-Id, carried by its log lines and audit events). */
export const requestIdOf = (res: Response): string => String(res.locals.requestId ?? '');

/** The label of a request no route answered (refused by a guard, unknown path), by where it went. */
const UNMATCHED_UNDER = ['/api', '/auth', '/assets'];
export const UNMATCHED_ROUTE = 'unmatched';

const routePatterns = new WeakMap<IncomingMessage, string>();

/**
 * Remembers the full route pattern when Express matches a route. Express sets `req.route` at the match, when
 * `req.baseUrl` is the router's mount path; an error leaving the router resets `req.baseUrl`, so the pattern
 * read at the end of the request would lose its prefix.
 */
function trackRoute(req: Request): void {
  let route: unknown = req.route;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') routePatterns.set(req, `${req.baseUrl}${path}`);
    },
  });
}

/**
 * A request's route pattern (`/api/patients/:ref/summary`), for the logs and the metrics. A request no route
 * answered is labelled by its mount only — `/api/*` (a guard's refusal, an unknown API path), `/auth/*`,
 * `/assets/*` (the SPA's hashed files) — or `unmatched`: a bounded set, never the raw path.
 */
export function routePatternOf(req: IncomingMessage): string {
  const pattern = routePatterns.get(req);
  if (pattern !== undefined) return pattern;
  const url = (req as Partial<Request>).originalUrl ?? req.url ?? '';
  const mount = UNMATCHED_UNDER.find((prefix) => url.startsWith(`${prefix}/`));
  return mount ? `${mount}/*` : UNMATCHED_ROUTE;
}

/** Routes called every few seconds by machines: logged at debug level while they succeed. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The request log: a UUID per request (X-Request-Id, `res.locals.requestId`, `requestId` on the line and on
 * `req.log`), one line when the response ends.
 */
export function requestLog(logger: Logger): RequestHandler {
  const httpLogger = pinoHttp<Request, Response>({
    logger,
    genReqId: (_req, res) => {
      const requestId = randomUUID();
      res.locals.requestId = requestId;
      res.setHeader('X-Request-Id', requestId);
      return requestId;
    },
    customAttributeKeys: { reqId: 'requestId' },
    // req.log carries the request id only; the request's line adds the method, route, status and duration.
    quietReqLogger: true,
    // Our serializers receive the raw objects: the standard ones (URL, headers, address) never run.
    wrapSerializers: false,
    serializers: {
      req: (req: Request) => ({ method: req.method }),
      res: (res: Response) => ({ statusCode: res.statusCode }),
    },
    redact,
    customLogLevel: (req, res, error) => {
      const probe = PROBES.has(routePatternOf(req));
      if (error || res.statusCode >= 500) return probe ? 'warn' : 'error';
      return probe ? 'debug' : 'info';
    },
    customSuccessObject: (req, _res, value: Record<string, unknown>) => ({ ...value, route: routePatternOf(req) }),
    // The error itself is logged by the error middleware (with the same request id); here only the line.
    customErrorObject: (req, _res, _error, value: Record<string, unknown>) => {
      const { err: _omitted, ...rest } = value;
      return { ...rest, route: routePatternOf(req) };
    },
  });
  return (req, res, next) => {
    trackRoute(req);
    httpLogger(req, res, next);
  };
}
