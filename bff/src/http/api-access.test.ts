/**
 * Every /api route of the real app, found by walking its routers, is protected unless it is one of the
 * public routes listed below: without a session it answers 401. A route mounted in front of the guard, or
 * made public without being listed here, fails this test.
 */
import type { Express } from 'express';
import { startHarness, type Harness } from '../testing/harness';
import { accessLevel } from './api-access';

const PUBLIC_ROUTES = ['GET /countries', 'GET /notices', 'GET /notices/:lang'];

interface RouteLayer {
  match?: (path: string) => unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** Every route of the routers mounted under /api, as "METHOD /path". */
function apiRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: RouteLayer[] } }).router.stack;
  const routes: string[] = [];
  for (const layer of stack) {
    if (!layer.match?.('/api/any') || !layer.handle?.stack) continue;
    for (const inner of layer.handle.stack)
      if (inner.route)
        for (const method of Object.keys(inner.route.methods))
          routes.push(`${method.toUpperCase()} ${inner.route.path}`);
  }
  return routes;
}

const example = (path: string) => path.replace(':cc', 'PT').replace(':ref', 'some-ref').replace(':lang', 'fr');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('access to /api', () => {
  it('finds the routers’ routes', () => {
    const routes = apiRoutes(harness.app);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes).toEqual(expect.arrayContaining(['GET /patients/:ref/summary', ...PUBLIC_ROUTES]));
  });

  it('answers 401 without a session on every route but the listed public ones', async () => {
    const answeredWithoutSession: string[] = [];
    for (const route of apiRoutes(harness.app)) {
      const [method, path] = route.split(' ') as [string, string];
      const agent = harness.browser();
      const call = method === 'POST' ? agent.post(`/api${example(path)}`).send({}) : agent.get(`/api${example(path)}`);
      const response = await call;
      if (response.status === 401) expect(response.body.code).toBe('not_authenticated');
      else answeredWithoutSession.push(route);
    }
    expect(answeredWithoutSession.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('gives the access table’s levels', () => {
    expect(accessLevel('GET', '/countries')).toBe('public');
    expect(accessLevel('HEAD', '/notices/fr')).toBe('public');
    expect(accessLevel('POST', '/countries')).toBe('professional');
    expect(accessLevel('GET', '/session')).toBe('session');
    expect(accessLevel('POST', '/session/situation')).toBe('access');
    expect(accessLevel('GET', '/patients/x/summary')).toBe('professional');
    expect(accessLevel('GET', '/anything-new')).toBe('professional');
  });
});
