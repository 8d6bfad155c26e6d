/**
 * The BFF's one error type for refusals and failures the SPA understands: a stable code of the shared catalogue
 * (shared/src/errors.ts, which gives its HTTP status and French message), an optional refusal reason or field
 * messages, and an English detail for the server log. Express-free: services throw it, the error middleware
 * (http/errors.ts) answers it.
 */
import type { ErrorCode } from '@sesali/shared';

export interface DomainErrorOptions {
  /** A refusal reason the SPA shows (access and device refusals). */
  reason?: string;
  /** Field → French message, for a form the SPA shows again. */
  fields?: Record<string, string>;
  /** For the server log only (English, no personal data). */
  detail?: string;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly reason: string | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(
    readonly code: ErrorCode,
    options: DomainErrorOptions = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'DomainError';
    this.reason = options.reason;
    this.fields = options.fields;
  }
}
