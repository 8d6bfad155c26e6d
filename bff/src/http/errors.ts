/**
 * The one place where errors become answers. `toDomainError` normalises whatever a service, an adapter or a
 * body parser threw into a DomainError of the shared catalogue; the error middleware (registered last) answers
 * `{ code, message }` (and a refusal `reason` or field messages), never a stack, and logs the detail without
 * request bodies or identifiers. Routers never catch to convert.
 */
import type { ErrorRequestHandler } from 'express';
import { errorCatalogue, type ApiError } from '@sesali/shared';
import type { Logger } from 'pino';
import { ContactPointFailure } from '../contact-point/client';
import { DocumentError } from '../documents/errors';
import { DomainError } from '../errors/domain-error';
import { PatientMismatchError } from '../summaries/identity-check';
import { routePatternOf } from './logger';

/** express.json() and friends throw errors with `status`/`type`; map them to our codes. */
function fromBodyParser(error: object): DomainError | undefined {
  if (!('type' in error)) return undefined;
  const type = error.type;
  if (type === 'entity.parse.failed' || type === 'entity.too.large' || type === 'request.aborted')
    return new DomainError('invalid_request', { detail: String(type) });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new DomainError('unsupported_media_type', { detail: String(type) });
  return undefined;
}

/** Every error the BFF can meet, as an error of the shared catalogue; an unexpected one is `internal_error`. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  // The contact point could not be reached or refused: its eHDSI code is already mapped to ours.
  if (error instanceof ContactPointFailure) return new DomainError(error.code, { detail: error.message, cause: error });
  // A document that cannot be read (or is too large) is a failure of the member state's answer.
  if (error instanceof DocumentError)
    return new DomainError(error.code === 'document_too_large' ? 'document_too_large' : 'document_unreadable', {
      detail: error.detail,
      cause: error,
    });
  if (error instanceof PatientMismatchError)
    return new DomainError('document_patient_mismatch', { detail: error.message, cause: error });
  if (typeof error === 'object' && error !== null) {
    const fromParser = fromBodyParser(error);
    if (fromParser) return fromParser;
  }
  return new DomainError('internal_error', { cause: error });
}

export function errorBody(error: DomainError): ApiError {
  const body: ApiError = { code: error.code, message: errorCatalogue[error.code].message };
  if (error.reason) body.reason = error.reason;
  if (error.fields) body.fields = error.fields;
  return body;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const domainError = toDomainError(error);
    const status = errorCatalogue[domainError.code].status;
    const log = {
      code: domainError.code,
      status,
      method: req.method,
      route: routePatternOf(req),
      detail: domainError.message,
    };
    // The request's logger carries its id (the request log's `requestId`); apps without the request log have none.
    const requestLogger = (req as { log?: Logger }).log ?? logger;
    if (status >= 500) requestLogger.error({ ...log, err: domainError.cause ?? error }, 'request failed');
    else requestLogger.info(log, 'request refused');
    if (res.headersSent) return;
    res.status(status).json(errorBody(domainError));
  };
}
