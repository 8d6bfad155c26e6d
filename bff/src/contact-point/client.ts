/**
 * The BFF's client of the national contact point. Every answer is validated with the shared contracts; every
 * call has a timeout; only GETs (countries, search masks) are retried, on network errors or 503, with backoff —
 * patient and document queries are never replayed, the member state audits each one. eHDSI error codes and
 * transport failures become ContactPointFailure with one of our error codes (French text in shared/errors.ts).
 * Each call is reported, when asked (`onCall`), with its operation, country, outcome and duration, for the
 * metrics; `ping` is the readiness check's single, time-bounded GET of the country list.
 */
import {
  assertionHeaders,
  contactPointErrorSchema,
  contactPointPaths,
  countriesResponseSchema,
  documentQueryResponseSchema,
  documentRetrieveResponseSchema,
  ehdsiErrorCodes,
  patientQueryResponseSchema,
  type Country,
  type DocumentMetadata,
  type DocumentQueryRequest,
  type DocumentRetrieveRequest,
  type ErrorCode,
  type PatientDemographics,
  type PatientQueryRequest,
} from '@sesali/shared';
import type { z } from 'zod';

export type ContactPointOperation =
  'countries' | 'search-mask' | 'patients.query' | 'documents.query' | 'documents.retrieve';

export class ContactPointFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly operation: ContactPointOperation,
    readonly detail: { status?: number; ehdsiCode?: string; cause?: unknown } = {},
  ) {
    super(
      `${operation}: ${code}${detail.ehdsiCode ? ` (eHDSI ${detail.ehdsiCode})` : ''}${detail.status ? ` HTTP ${detail.status}` : ''}`,
      {
        cause: detail.cause,
      },
    );
    this.name = 'ContactPointFailure';
  }
}

/** How a call ended, in a closed set (the metrics' label): the success, or the failure's kind. */
export type ContactPointOutcome =
  | 'ok'
  | 'not_found'
  | 'refused'
  | 'country_unavailable'
  | 'unavailable'
  | 'timeout'
  | 'invalid_response'
  | 'too_large'
  | 'error';

const OUTCOMES: Partial<Record<ErrorCode, ContactPointOutcome>> = {
  patient_not_found: 'not_found',
  no_summary: 'not_found',
  patient_not_activated: 'refused',
  consent_rejected: 'refused',
  insufficient_rights: 'refused',
  assertion_rejected: 'refused',
  country_unavailable: 'country_unavailable',
  contact_point_unavailable: 'unavailable',
  contact_point_timeout: 'timeout',
  contact_point_invalid_response: 'invalid_response',
  document_too_large: 'too_large',
};

/** The outcome of a failed call, from the error code the client gave it (`error` for any other). */
export function outcomeOf(error: unknown): ContactPointOutcome {
  return (error instanceof ContactPointFailure && OUTCOMES[error.code]) || 'error';
}

/** One call, as reported to `onCall`: no identifier, no content. */
export interface ContactPointCall {
  operation: ContactPointOperation | 'ping';
  /** The country the call is about (ISO code as sent), undefined for the country list and the ping. */
  country: string | undefined;
  outcome: ContactPointOutcome;
  seconds: number;
}

export interface ContactPointClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Largest decoded document accepted; the answer is cut off beyond (base64 and JSON overhead allowed). */
  maxDocumentBytes: number;
  retries?: number;
  backoffMs?: number;
  /** Told of every call once it ends (the metrics). */
  onCall?: (call: ContactPointCall) => void;
}

export interface Assertions {
  hcp: string;
  trc?: string;
}

const METADATA_MAX_BYTES = 4 * 1024 * 1024;

/** What an eHDSI error code means for each operation. */
function mapEhdsiCode(code: string, operation: ContactPointOperation): ErrorCode {
  switch (code) {
    case ehdsiErrorCodes.NO_CONSENT:
      return operation === 'patients.query' ? 'patient_not_activated' : 'consent_rejected';
    case ehdsiErrorCodes.CONSENT_PERIOD_PASSED:
      return 'consent_rejected';
    case ehdsiErrorCodes.NO_PATIENT_SUMMARY:
      return 'no_summary';
    case ehdsiErrorCodes.PI_NO_MATCH:
      return 'patient_not_found';
    case ehdsiErrorCodes.INSUFFICIENT_RIGHTS:
      return 'insufficient_rights';
    case ehdsiErrorCodes.ASSERTION_INVALID:
    case ehdsiErrorCodes.TRC_MISMATCH:
      return 'assertion_rejected';
    case ehdsiErrorCodes.CONNECTION_NOT_POSSIBLE:
      return 'country_unavailable';
    default:
      return 'contact_point_error';
  }
}

async function readCapped(response: Response, maxBytes: number, operation: ContactPointOperation): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = () =>
    new ContactPointFailure(
      operation === 'documents.retrieve' ? 'document_too_large' : 'contact_point_invalid_response',
      operation,
    );
  // Cancelling is not awaited: a stream whose producer is stalled could keep us waiting.
  const discard = (stream: { cancel(): Promise<void> } | null | undefined) =>
    void stream?.cancel().catch(() => undefined);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(response.body);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      discard(reader);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createContactPointClient(options: ContactPointClientOptions) {
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 250;
  // base64 is 4/3 of the bytes, plus the metadata around it.
  const maxRetrieveBytes = Math.ceil((options.maxDocumentBytes * 4) / 3) + 64 * 1024;

  async function timed<T>(
    operation: ContactPointCall['operation'],
    country: string | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    let outcome: ContactPointOutcome = 'ok';
    try {
      return await call();
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      options.onCall?.({ operation, country, outcome, seconds: (performance.now() - started) / 1000 });
    }
  }

  async function send(
    operation: ContactPointOperation,
    path: string,
    init: {
      method: 'GET' | 'POST';
      body?: unknown;
      assertions?: Assertions;
      accept: string;
      maxBytes: number;
      /** Overrides for one call (the readiness ping: no retry, its own timeout). */
      retry?: false;
      timeoutMs?: number;
    },
  ): Promise<string> {
    const headers: Record<string, string> = { accept: init.accept };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.assertions) headers[assertionHeaders.hcp] = init.assertions.hcp;
    if (init.assertions?.trc) headers[assertionHeaders.trc] = init.assertions.trc;
    const attempts = init.method === 'GET' && init.retry !== false ? retries + 1 : 1;

    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      const signal = AbortSignal.timeout(init.timeoutMs ?? options.timeoutMs);
      try {
        response = await fetch(new URL(path, options.baseUrl), {
          method: init.method,
          headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal,
          redirect: 'error',
        });
      } catch (error) {
        if (signal.aborted || isAbort(error))
          throw new ContactPointFailure('contact_point_timeout', operation, { cause: error });
        if (attempt < attempts) {
          await sleep(backoffMs * 2 ** (attempt - 1));
          continue;
        }
        throw new ContactPointFailure('contact_point_unavailable', operation, { cause: error });
      }
      if (response.status === 503 && attempt < attempts) {
        void response.body?.cancel().catch(() => undefined);
        await sleep(backoffMs * 2 ** (attempt - 1));
        continue;
      }
      let text: string;
      try {
        text = await readCapped(response, init.maxBytes, operation);
      } catch (error) {
        if (error instanceof ContactPointFailure) throw error;
        if (signal.aborted || isAbort(error))
          throw new ContactPointFailure('contact_point_timeout', operation, { cause: error });
        throw new ContactPointFailure('contact_point_unavailable', operation, { cause: error });
      }
      if (response.ok) return text;

      const ehdsi = contactPointErrorSchema.safeParse(safeJson(text));
      if (ehdsi.success) {
        throw new ContactPointFailure(mapEhdsiCode(ehdsi.data.errorCode, operation), operation, {
          status: response.status,
          ehdsiCode: ehdsi.data.errorCode,
        });
      }
      const code: ErrorCode =
        response.status === 503
          ? 'contact_point_unavailable'
          : response.status === 504
            ? 'contact_point_timeout'
            : 'contact_point_error';
      throw new ContactPointFailure(code, operation, { status: response.status });
    }
  }

  function parse<S extends z.ZodType>(operation: ContactPointOperation, text: string, schema: S): z.infer<S> {
    const parsed = schema.safeParse(safeJson(text));
    if (!parsed.success)
      throw new ContactPointFailure('contact_point_invalid_response', operation, { cause: parsed.error });
    return parsed.data;
  }

  const json = 'application/json';

  /** A query's JSON answer, as text (metadata: bounded by METADATA_MAX_BYTES). */
  const postForJson = (operation: ContactPointOperation, path: string, body: unknown, assertions: Assertions) =>
    send(operation, path, { method: 'POST', body, assertions, accept: json, maxBytes: METADATA_MAX_BYTES });

  return {
    countries: (): Promise<Country[]> =>
      timed('countries', undefined, async () => {
        const text = await send('countries', contactPointPaths.countries, {
          method: 'GET',
          accept: json,
          maxBytes: METADATA_MAX_BYTES,
        });
        return parse('countries', text, countriesResponseSchema).countries;
      }),

    /** The country's International Search Mask, as XML text (parsed and checked by the search-mask module). */
    searchMask: (countryCode: string): Promise<string> =>
      timed('search-mask', countryCode, () =>
        send('search-mask', contactPointPaths.searchMask(countryCode), {
          method: 'GET',
          accept: 'application/xml',
          maxBytes: METADATA_MAX_BYTES,
        }),
      ),

    queryPatients: (request: PatientQueryRequest, assertions: Assertions): Promise<PatientDemographics[]> =>
      timed('patients.query', request.countryCode, async () => {
        const answer = await postForJson('patients.query', contactPointPaths.patientQuery, request, assertions);
        return parse('patients.query', answer, patientQueryResponseSchema).patients;
      }),

    queryDocuments: (request: DocumentQueryRequest, assertions: Required<Assertions>): Promise<DocumentMetadata[]> =>
      timed('documents.query', request.countryCode, async () => {
        const answer = await postForJson('documents.query', contactPointPaths.documentQuery, request, assertions);
        return parse('documents.query', answer, documentQueryResponseSchema).documents;
      }),

    /** The document's metadata and its bytes (decoded), refused beyond maxDocumentBytes. */
    retrieveDocument: (request: DocumentRetrieveRequest, assertions: Required<Assertions>) =>
      timed('documents.retrieve', request.countryCode, async () => {
        const text = await send('documents.retrieve', contactPointPaths.documentRetrieve, {
          method: 'POST',
          body: request,
          assertions,
          accept: json,
          maxBytes: maxRetrieveBytes,
        });
        const { document } = parse('documents.retrieve', text, documentRetrieveResponseSchema);
        const bytes = Buffer.from(document.base64Binary, 'base64');
        if (bytes.byteLength > options.maxDocumentBytes)
          throw new ContactPointFailure('document_too_large', 'documents.retrieve');
        const { base64Binary: _omitted, ...metadata } = document;
        return { metadata, bytes };
      }),

    /**
     * Whether the contact point answers (readiness): one GET of the country list, not retried, within
     * `timeoutMs`; any answer but a 2xx fails; the list is not checked.
     */
    ping: (timeoutMs: number): Promise<void> =>
      timed('ping', undefined, async () => {
        await send('countries', contactPointPaths.countries, {
          method: 'GET',
          accept: json,
          maxBytes: METADATA_MAX_BYTES,
          retry: false,
          timeoutMs,
        });
      }),
  };
}

export type ContactPointClient = ReturnType<typeof createContactPointClient>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
