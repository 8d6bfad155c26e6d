/**
 * Structured logs without personal data: request lines carry the method, the route pattern (not the raw URL:
 * no query string, no identifiers), the status and the duration. Headers and bodies are never logged.
 */
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sesali-bff' },
    redact: { paths: ['*.authorization', '*.cookie'], remove: true },
  });
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route =
        typeof pattern === 'string'
          ? `${req.baseUrl}${pattern}`
          : req.path.startsWith('/assets/')
            ? '/assets/*'
            : req.path;
      logger.info(
        { method: req.method, route, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  };
}
