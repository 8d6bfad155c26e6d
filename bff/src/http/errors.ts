/**
 * The BFF's one error type and the error middleware (registered last). Clients get `{ code, message }` (and
 * a refusal `reason`), never a stack; the detail goes to the server log without request bodies or identifiers.
 */
import type { ErrorRequestHandler } from 'express';
import { errorCatalogue, type ApiError, type ErrorCode } from '@sesali/shared';
import type { Logger } from 'pino';

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    options: { reason?: string; fields?: Record<string, string>; detail?: string; cause?: unknown } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'HttpError';
    this.status = errorCatalogue[code].status;
    this.reason = options.reason;
    this.fields = options.fields;
  }
  readonly reason: string | undefined;
  readonly fields: Record<string, string> | undefined;

  toBody(): ApiError {
    const body: ApiError = { code: this.code, message: errorCatalogue[this.code].message };
    if (this.reason) body.reason = this.reason;
    if (this.fields) body.fields = this.fields;
    return body;
  }
}

/** express.json() and friends throw errors with `status`/`type`; map them to our codes. */
function fromBodyParser(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type = error.type;
  if (type === 'entity.parse.failed' || type === 'entity.too.large' || type === 'request.aborted') {
    return new HttpError('invalid_request', { detail: String(type) });
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new HttpError('unsupported_media_type', { detail: String(type) });
  }
  return undefined;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const httpError =
      error instanceof HttpError ? error : (fromBodyParser(error) ?? new HttpError('internal_error', { cause: error }));
    const log = {
      code: httpError.code,
      status: httpError.status,
      method: req.method,
      path: req.path,
      detail: httpError.message,
    };
    if (httpError.status >= 500) logger.error({ ...log, err: httpError.cause ?? error }, 'request failed');
    else logger.info(log, 'request refused');
    if (res.headersSent) return;
    res.status(httpError.status).json(httpError.toBody());
  };
}
