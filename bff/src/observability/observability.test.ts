/**
 * The machine endpoints through the real app: /readyz with every check passing and each one failing (the
 * audit store, the contact point closed or unreachable, the session store), and /metrics — closed without its
 * token, and after a search and a summary holding the three histograms with their bounded labels and nothing
 * of the patient or the professional.
 */
import { http, HttpResponse } from 'msw';
import request from 'supertest';
import session from 'express-session';
import { contactPointPaths } from '@sesali/shared';
import { pino } from 'pino';
import type { AuditStore } from '../audit/audit-store';
import { openSqliteAuditStore } from '../audit/sqlite-audit-store';
import { createContactPointClient } from '../contact-point/client';
import { startHarness, type Harness } from '../testing/harness';
import { consentedRef, shippedPatient } from '../testing/shipped-patients';
import { createMetrics } from './metrics';
import { bffReadiness, createReadiness } from './readiness';
import { bearerMatches } from './routes';

const TOKEN = 'metrics-token-9f8e7d6c5b4a3210fedcba98';

/** The audit store of the harness, made to fail on demand. */
let auditFailing = false;
function failableAuditStore(): AuditStore {
  const real = openSqliteAuditStore(':memory:');
  const failure = () => Promise.reject(new Error('disk full at /var/lib/sesali/audit.sqlite'));
  return {
    ...real,
    append: (input) => (auditFailing ? failure() : real.append(input)),
    ping: () => (auditFailing ? failure() : real.ping()),
  };
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { METRICS_TOKEN: TOKEN }, auditStore: failableAuditStore() });
});
afterAll(() => harness.close());
afterEach(() => {
  auditFailing = false;
  harness.memberStates.resetHandlers();
});

const countriesUrl = () => new URL(contactPointPaths.countries, harness.config.contactPoint.url).href;
const allOk = { sessionStore: 'ok', auditStore: 'ok', contactPoint: 'ok' };

describe('GET /readyz', () => {
  it('answers 200 ready, without a session and uncached, when every check passes', async () => {
    const response = await request(harness.app).get('/readyz').expect(200);
    expect(response.body).toEqual({ status: 'ready', checks: allOk });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 naming the audit store when it fails, without the error', async () => {
    auditFailing = true;
    const response = await request(harness.app).get('/readyz').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', checks: { ...allOk, auditStore: 'unavailable' } });
    expect(response.text).not.toMatch(/disk|sqlite/);
  });

  it.each([
    ['unreachable', () => HttpResponse.error()],
    ['closed (503)', () => new HttpResponse(null, { status: 503 })],
  ])('answers 503 naming the contact point when it is %s', async (_case, answer) => {
    harness.memberStates.use(http.get(countriesUrl(), answer));
    const response = await request(harness.app).get('/readyz').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', checks: { ...allOk, contactPoint: 'unavailable' } });
  });

  it('names the session store when it fails or does not answer, each check within its own bound', async () => {
    class BrokenStore extends session.Store {
      constructor(private readonly hang: boolean) {
        super();
      }
      override get(_sid: string, callback: (error: unknown) => void): void {
        if (!this.hang) callback(new Error('SQLITE_CANTOPEN'));
      }
      override set(): void {}
      override destroy(): void {}
    }
    const logged: unknown[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const deps = (store: session.Store) => ({
      sessionStore: store,
      auditStore: openSqliteAuditStore(':memory:'),
      contactPoint: createContactPointClient({
        baseUrl: harness.config.contactPoint.url,
        timeoutMs: 1000,
        maxDocumentBytes: 1,
      }),
      logger,
    });
    const failing = await bffReadiness(deps(new BrokenStore(false)), 300)();
    expect(failing).toEqual({ status: 'unavailable', checks: { ...allOk, sessionStore: 'unavailable' } });
    const started = Date.now();
    const hanging = await bffReadiness(deps(new BrokenStore(true)), 300)();
    expect(hanging.checks.sessionStore).toBe('unavailable');
    expect(Date.now() - started).toBeLessThan(1000);
    // The cause goes to the log, for the operator.
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          event: 'readiness_check_failed',
          check: 'sessionStore',
          err: 'Error: SQLITE_CANTOPEN',
        }),
      ]),
    );
  });

  it('shares one run of the checks between the calls made while it runs', async () => {
    let runs = 0;
    const readiness = createReadiness(
      {
        slow: async () => {
          runs += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
      },
      { warn: () => undefined, info: () => undefined },
    );
    const reports = await Promise.all([readiness(), readiness(), readiness()]);
    expect(reports.map((r) => r.status)).toEqual(['ready', 'ready', 'ready']);
    expect(runs).toBe(1);
    await readiness();
    expect(runs).toBe(2);
  });

  it('logs a failing check once, and its recovery once', async () => {
    const logged: { event?: string }[] = [];
    const logger = { warn: (o: object) => logged.push(o), info: (o: object) => logged.push(o) };
    let up = false;
    const readiness = createReadiness(
      { store: () => (up ? Promise.resolve() : Promise.reject(new Error('down'))) },
      logger,
      100,
    );
    await readiness();
    await readiness();
    up = true;
    expect(await readiness()).toEqual({ status: 'ready', checks: { store: 'ok' } });
    await readiness();
    expect(logged.map((o) => o.event)).toEqual(['readiness_check_failed', 'readiness_check_recovered']);
  });
});

/** Prometheus text → the samples, with their labels. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

const scrape = async () => {
  const response = await request(harness.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.text;
};

describe('GET /metrics', () => {
  it('answers 401 without the token or with another, in front of any session', async () => {
    await request(harness.app).get('/metrics').expect(401);
    const wrong = await request(harness.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    await request(harness.app).get('/metrics').set('Authorization', `Basic ${TOKEN}`).expect(401);
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });

  it('times requests, contact-point calls and audit writes with bounded labels, and holds no personal data', async () => {
    const doctor = await harness.loggedIn('medecin-generaliste');
    const ref = await consentedRef(doctor, 'PT', 'complete', 'pt');
    await doctor.get(`/api/patients/${ref}/summary`).expect(200);
    const afterSummary = samples(await scrape());
    await doctor.get('/api/patients/ABC123/anything?x=1').expect(404);
    auditFailing = true;
    await doctor.get(`/api/patients/${ref}/summary`).expect(503);
    auditFailing = false;

    const text = await scrape();
    const all = samples(text);
    const countIn =
      (set: typeof all) =>
      (name: string, labels: Record<string, string>): number =>
        set.find((s) => s.name === `${name}_count` && JSON.stringify(s.labels) === JSON.stringify(labels))?.value ?? 0;
    const count = countIn(all);

    const httpCounts = all.filter((s) => s.name === 'http_request_duration_seconds_count');
    expect(httpCounts.map((s) => s.labels)).toEqual(
      expect.arrayContaining([
        { method: 'POST', route: '/api/patients/search', status_code: '200' },
        { method: 'GET', route: '/api/patients/:ref/summary', status_code: '200' },
        { method: 'GET', route: '/api/patients/:ref/summary', status_code: '503' },
        { method: 'GET', route: '/api/*', status_code: '404' },
        { method: 'GET', route: '/auth/callback', status_code: '303' },
      ]),
    );
    for (const s of httpCounts) expect(Object.keys(s.labels).sort()).toEqual(['method', 'route', 'status_code']);

    // One search and one summary: each operation once.
    const calls = (operation: string, country: string) =>
      countIn(afterSummary)('contact_point_request_duration_seconds', { operation, country, outcome: 'ok' });
    expect({
      countries: calls('countries', 'none'),
      searchMask: calls('search-mask', 'PT'),
      patients: calls('patients.query', 'PT'),
      documents: calls('documents.query', 'PT'),
      document: calls('documents.retrieve', 'PT'),
    }).toEqual({
      countries: 1,
      searchMask: 1,
      patients: 1,
      documents: 1,
      document: 1,
    });
    const contactPointLabels = all
      .filter((s) => s.name === 'contact_point_request_duration_seconds_count')
      .map((s) => Object.keys(s.labels).sort().join(','));
    expect(new Set(contactPointLabels)).toEqual(new Set(['country,operation,outcome']));

    expect(count('audit_write_duration_seconds', { store: 'sqlite', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(count('audit_write_duration_seconds', { store: 'sqlite', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(all.some((s) => s.name === 'audit_write_duration_seconds_bucket' && s.labels.le === '+Inf')).toBe(true);

    // No identifier, ref, name or professional in any series.
    const { identifiers, demographics } = shippedPatient('PT', 'complete');
    for (const secret of [
      ref,
      'ABC123',
      ...identifiers.map((id) => id.extension),
      demographics.familyName ?? 'x',
      '899700',
    ])
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });

  it('counts the readiness pings apart from the country list', async () => {
    harness.memberStates.use(http.get(countriesUrl(), () => HttpResponse.error()));
    await request(harness.app).get('/readyz').expect(503);
    const all = samples(await scrape());
    expect(
      all.find(
        (s) =>
          s.name === 'contact_point_request_duration_seconds_count' &&
          s.labels.operation === 'ping' &&
          s.labels.outcome === 'unavailable',
      )?.labels.country,
    ).toBe('none');
  });

  it('answers 404 when no token is configured', async () => {
    const closed = await startHarness();
    try {
      const response = await request(closed.app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
      expect(response.body.code).toBe('not_found');
    } finally {
      await closed.close();
    }
  });
});

describe('createMetrics', () => {
  it('gives each app its own registry, with the process metrics by default', async () => {
    const first = createMetrics();
    const second = createMetrics();
    expect(first.registry).not.toBe(second.registry);
    const text = await first.registry.metrics();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram/m);
    second.observeContactPoint({ operation: 'patients.query', country: 'ZZ', outcome: 'ok', seconds: 0.1 });
    expect(await second.registry.metrics()).toMatch(/country="other"/);
    expect(await first.registry.metrics()).not.toMatch(/country="other"/);
  });
});
