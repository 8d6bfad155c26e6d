/**
 * The SPA's only way to call the BFF: same-origin cookie, JSON, and every answer parsed with its shared zod
 * contract. Any failure becomes an ApiClientError carrying the BFF's `{ code, message, reason }`, and the
 * per-field French messages of an invalid_request when the BFF gives them.
 */
import { clientError, normalizeApiError, type ApiError, type ApiErrorCode } from '@sesali/shared';
import type { z } from 'zod';

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiClientError';
  }
  get code(): ApiErrorCode {
    return this.error.code;
  }
  /** French message per form field key, when the BFF refused some fields of a form. */
  get fieldErrors(): Record<string, string> {
    return this.error.fields ?? {};
  }
}

const networkError = (): ApiClientError => new ApiClientError(0, clientError('network_error'));

/**
 * What the BFF's answers say of the session: `answered`, a success (the BFF's rolling session started its
 * idle time again); `unauthenticated`, a 401 not_authenticated (no session, or no more).
 */
export type ApiActivity = 'answered' | 'unauthenticated';
const activityListeners = new Set<(activity: ApiActivity) => void>();

/** Calls `listener` after every answer of the BFF that says something of the session; returns the unsubscribe. */
export function onApiActivity(listener: (activity: ApiActivity) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

const report = (activity: ApiActivity) => activityListeners.forEach((listener) => listener(activity));

async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = new ApiClientError(response.status, normalizeApiError(payload, response.status));
    if (error.code === 'not_authenticated') report('unauthenticated');
    throw error;
  }
  report('answered');
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiClientError(response.status, clientError('invalid_response'));
  }
  return parsed.data;
}

export const apiClient = {
  get: <S extends z.ZodType>(path: string, schema: S) => call('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body: unknown) => call('POST', path, schema, body),
};
