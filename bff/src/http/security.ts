/**
 * Security headers and request checks, in one place.
 * - helmet with a strict CSP: scripts only from our origin, no framing, no inline script.
 * - Origin check on every state-changing request (CSRF): the Origin must be ours; when a browser omits it,
 *   Sec-Fetch-Site must say same-origin. Non-browser clients must send Origin.
 * - JSON only for API writes, and `no-store` on every API answer (they carry personal or patient data).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DomainError } from '../errors/domain-error';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // DSFR and React set a few style attributes at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(publicUrl: string): RequestHandler {
  const expected = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    const sameOrigin = origin !== undefined ? origin === expected : fetchSite === 'same-origin';
    if (!sameOrigin) return next(new DomainError('forbidden_origin', { detail: `origin ${origin ?? '(none)'}` }));
    next();
  };
}

export function requireJsonBody(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.method === 'DELETE') return next();
    if (!req.is('application/json')) return next(new DomainError('unsupported_media_type'));
    next();
  };
}

export function noStore(): RequestHandler {
  return (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    res.set('Pragma', 'no-cache');
    next();
  };
}
