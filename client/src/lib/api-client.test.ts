import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { server } from '@/testing/msw-server';
import { ApiClientError, apiClient, onApiActivity, type ApiActivity } from './api-client';

const schema = z.object({ ok: z.literal(true) });

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiClientError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('apiClient', () => {
  it('parses a valid answer with its contract', async () => {
    server.use(http.get('/api/x', () => HttpResponse.json({ ok: true })));
    await expect(apiClient.get('/api/x', schema)).resolves.toEqual({ ok: true });
  });

  it('refuses an answer that breaks the contract', async () => {
    server.use(http.get('/api/x', () => HttpResponse.json({ ok: 'yes', injected: '<b>' })));
    expect((await failure(apiClient.get('/api/x', schema))).code).toBe('invalid_response');
  });

  it('keeps the BFF error shape, and hides anything else behind a French message', async () => {
    server.use(
      http.get('/api/a', () =>
        HttpResponse.json({ code: 'access_denied', message: 'Refusé', reason: 'private_insurer' }, { status: 403 }),
      ),
    );
    server.use(http.get('/api/b', () => new HttpResponse('<html>Proxy error: stack…</html>', { status: 502 })));
    const denied = await failure(apiClient.get('/api/a', schema));
    expect(denied.error).toEqual({ code: 'access_denied', message: 'Refusé', reason: 'private_insurer' });
    const proxy = await failure(apiClient.get('/api/b', schema));
    expect(proxy.code).toBe('internal_error');
    expect(proxy.message).not.toMatch(/stack|Proxy/);
  });

  it('keeps the per-field messages of a refused form', async () => {
    server.use(
      http.post('/api/x', () =>
        HttpResponse.json(
          { code: 'invalid_request', message: 'La requête est invalide.', fields: { birthDate: 'Date invalide.' } },
          { status: 400 },
        ),
      ),
    );
    server.use(
      http.post('/api/y', () =>
        HttpResponse.json({ code: 'internal_error', message: 'Erreur', fields: 3 }, { status: 500 }),
      ),
    );
    const refused = await failure(apiClient.post('/api/x', schema, {}));
    expect(refused.fieldErrors).toEqual({ birthDate: 'Date invalide.' });
    expect((await failure(apiClient.post('/api/y', schema, {}))).fieldErrors).toEqual({});
  });

  it('reports an unreachable service in French', async () => {
    server.use(http.get('/api/x', () => HttpResponse.error()));
    const error = await failure(apiClient.get('/api/x', schema));
    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/ne répond pas/);
  });

  it('tells its listeners what each answer says of the session', async () => {
    server.use(
      http.get('/api/ok', () => HttpResponse.json({ ok: true })),
      http.get('/api/odd', () => HttpResponse.json({ ok: 'yes' })),
      http.get('/api/gone', () => new HttpResponse(null, { status: 401 })),
      http.get('/api/denied', () => HttpResponse.json({ code: 'access_denied', message: 'Refusé' }, { status: 403 })),
    );
    const heard: ApiActivity[] = [];
    const stop = onApiActivity((activity) => heard.push(activity));
    await apiClient.get('/api/ok', schema);
    // The BFF answered, even if the SPA cannot read it.
    await failure(apiClient.get('/api/odd', schema));
    await failure(apiClient.get('/api/gone', schema));
    await failure(apiClient.get('/api/denied', schema));
    stop();
    await apiClient.get('/api/ok', schema);
    expect(heard).toEqual(['answered', 'answered', 'unauthenticated']);
  });
});
