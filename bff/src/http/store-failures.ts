/**
 * The shared stores behind a request (sessions, rate-limit counters: Redis with several instances) may fail
 * for a while — a Redis restart, a failover. A request meeting that answers 503 `session_store_unavailable`
 * with its French message, never a 500; once the store is back, a session it lost asks for a new login (401).
 */
import type { RequestHandler } from 'express';
import { DomainError } from '../errors/domain-error';

export function storeFailuresAsUnavailable(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    void middleware(req, res, (error?: unknown) => {
      if (error === undefined || error === null || error === 'route' || error === 'router') return next(error);
      next(error instanceof DomainError ? error : new DomainError('session_store_unavailable', { cause: error }));
    });
  };
}
