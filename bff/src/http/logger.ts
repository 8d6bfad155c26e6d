/**
 * Structured logs without personal data: request lines carry the method, the route pattern (not the raw URL:
 * no query string, no identifiers), the status and the duration. Headers and bodies are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sesali-bff' },
    redact: { paths: ['*.authorization', '*.cookie'], remove: true },
  });
}

/** The request's id (given to every request, sent back as X-Request-Id, carried by its log line and audit events). */
export const requestIdOf = (res: Response): string => String(res.locals.requestId ?? '');

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route =
        typeof pattern === 'string'
          ? `${req.baseUrl}${pattern}`
          : req.path.startsWith('/assets/')
            ? '/assets/*'
            : req.path;
      logger.info(
        {
          requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  };
}
