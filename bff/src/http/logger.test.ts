/**
 * The request log through the real app: one line per request with its id (the X-Request-Id and the audit
 * events' `requestId`), the method, the route pattern, the status and the duration — and nothing of the
 * identifiers in the path, the query string, the cookies, the Authorization header or the bodies.
 */
import request from 'supertest';
import { startHarness, type Harness } from '../testing/harness';
import { loginAtSimulator } from '../testing/psc-browser';
import { searchValuesFor, shippedPatient } from '../testing/shipped-patients';
import { CHROME_UA, TEST_PUBLIC_URL } from '../testing/test-config';
import { createLogger } from './logger';

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  route?: string;
  req?: Record<string, unknown>;
  res?: Record<string, unknown>;
  responseTime?: number;
  [key: string]: unknown;
}

const written: string[] = [];
const lines = (): Line[] => written.map((text) => JSON.parse(text) as Line);
let harness: Harness;
let sessionCookie: string;

beforeAll(async () => {
  harness = await startHarness({ logger: createLogger('debug', { write: (text: string) => written.push(text) }) });
  // Logged in by hand, to send the session cookie ourselves beside other headers.
  const agent = harness.browser();
  const login = await agent.get('/auth/login').expect(303);
  const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-generaliste' });
  const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  const setCookie = ([] as string[]).concat(done.headers['set-cookie'] ?? []);
  sessionCookie = setCookie.map((line) => line.split(';')[0] ?? '').find((pair) => pair.includes('sid')) ?? '';
  expect(sessionCookie).toMatch(/=./);
});
afterAll(() => harness.close());

const QUERY_MARKER = 'qs-marker-7f3a';
const BEARER_MARKER = 'bearer-marker-91c2';
const COOKIE_MARKER = 'cookie-marker-5d0e';

const call = (method: 'get' | 'post', path: string) =>
  request(harness.app)
    [method](path)
    .set('User-Agent', CHROME_UA)
    .set('Origin', TEST_PUBLIC_URL)
    .set('Authorization', `Bearer ${BEARER_MARKER}`)
    .set('Cookie', `${sessionCookie}; tracking=${COOKIE_MARKER}`);

describe('request log', () => {
  it('logs the route pattern, status and duration under the request id, and none of the request’s data', async () => {
    written.length = 0;
    const summary = await call('get', `/api/patients/ABC123/summary?x=${QUERY_MARKER}`);
    expect(summary.status).toBe(404);
    const refused = await request(harness.app)
      .get(`/api/patients/ABC123?x=${QUERY_MARKER}`)
      .set('Authorization', `Bearer ${BEARER_MARKER}`)
      .set('Cookie', `tracking=${COOKIE_MARKER}`);
    expect(refused.status).toBe(401);
    const { identifiers } = shippedPatient('PT', 'complete');
    const search = await call('post', '/api/patients/search').send({
      countryCode: 'PT',
      ...(await searchValuesFor(harness.browser().set('Cookie', sessionCookie), 'PT', 'complete')),
    });
    expect(search.status).toBe(200);

    const all = written.join('\n');
    for (const secret of [
      'ABC123',
      QUERY_MARKER,
      BEARER_MARKER,
      COOKIE_MARKER,
      sessionCookie.split('=')[1] ?? '',
      ...identifiers.map((id) => id.extension),
      'Authorization',
      'authorization',
      'cookie',
      'user-agent',
      '/api/patients/ABC123',
    ])
      expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });

    const requestLines = lines().filter((line) => line.route !== undefined && line.responseTime !== undefined);
    const lineOf = (requestId: unknown) => requestLines.find((line) => line.requestId === requestId);
    expect(lineOf(summary.headers['x-request-id'])).toEqual({
      level: 30,
      time: expect.any(Number),
      service: 'sesali-bff',
      requestId: summary.headers['x-request-id'],
      req: { method: 'GET' },
      res: { statusCode: 404 },
      route: '/api/patients/:ref/summary',
      responseTime: expect.any(Number),
      msg: 'request completed',
    });
    // Refused by the guard before any route matched: labelled by its mount only.
    expect(lineOf(refused.headers['x-request-id'])).toMatchObject({ route: '/api/*', res: { statusCode: 401 } });
    expect(lineOf(search.headers['x-request-id'])).toMatchObject({
      route: '/api/patients/search',
      req: { method: 'POST' },
      res: { statusCode: 200 },
    });
  });

  it('gives every request a UUID, carried by the error middleware’s line and the audit events', async () => {
    written.length = 0;
    const first = await call('get', '/api/patients/unknown-ref/summary');
    const second = await call('get', '/api/patients/unknown-ref/summary');
    const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
    // req.log is the request's child logger: the error middleware's line carries the same id.
    expect(lines().find((line) => line.msg === 'request refused' && line.requestId === ids[0])).toMatchObject({
      code: 'not_found',
      route: '/api/patients/:ref/summary',
    });

    const { identifiers } = shippedPatient('PT', 'complete');
    const search = await call('post', '/api/patients/search').send({
      countryCode: 'PT',
      ...(await searchValuesFor(harness.browser().set('Cookie', sessionCookie), 'PT', 'complete')),
    });
    expect(search.status).toBe(200);
    const events = await harness.auditStore.events({ actions: ['patient_search'] });
    expect(events.at(-1)?.requestId).toBe(search.headers['x-request-id']);
    expect(identifiers.length).toBeGreaterThan(0);
  });

  it('logs the probes at debug level while they succeed', async () => {
    written.length = 0;
    const health = await request(harness.app).get('/healthz').expect(200);
    expect(lines().find((line) => line.requestId === health.headers['x-request-id'])).toMatchObject({
      level: 20,
      route: '/healthz',
    });
  });
});
