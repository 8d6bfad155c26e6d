/**
 * Several instances, as an operator runs them: the compiled BFF (bff/dist, built here, started with plain
 * node in production mode) twice, behind a round-robin proxy standing for the load balancer, sharing Redis
 * (sessions, rate limits) and PostgreSQL (audit trail); the simulators in their own process. A whole journey
 * alternates between the instances; Redis restarting mid-journey gives 503s while it is down, then a new login
 * (401), never a 500.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { allEvents } from '../audit/audit-store';
import { verifyChain } from '../audit/events';
import { openPostgresAuditStore } from '../audit/postgres-audit-store';
import type { Agent } from '../testing/harness';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import {
  buildCompiledBff,
  freePort,
  productionEnvironment,
  randomSecret,
  startCompiledBff,
  startProcess,
  startSimulators,
  stopAll,
  stopProcess,
  waitFor,
} from '../testing/processes';
import { loginAtSimulator } from '../testing/psc-browser';
import { consentedRef } from '../testing/shipped-patients';
import { CHROME_UA } from '../testing/test-config';

let redisPort: number;
let redis: ChildProcess;
function startRedis(): ChildProcess {
  // Nothing kept on disk: a restart loses every session, as a failover to an empty replica would.
  return startProcess(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
  );
}
const redisAnswers = () =>
  new Promise<boolean>((resolve) => {
    const probe = spawn('redis-cli', ['-p', String(redisPort), 'ping']);
    let out = '';
    probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
    probe.on('close', () => resolve(out.includes('PONG')));
  });

/** The load balancer: each request to the next instance in turn; remembers which instance served what. */
function roundRobin(ports: number[]): { server: Server; served: { path: string; port: number; status: number }[] } {
  let next = 0;
  const served: { path: string; port: number; status: number }[] = [];
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length] as number;
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' },
      },
      (answer) => {
        served.push({ path: (req.url ?? '').split('?')[0] ?? '', port, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return { server, served };
}

let database: TestDatabase;
let directory: string;
let balancer: ReturnType<typeof roundRobin>;
let publicUrl: string;
let instancePorts: number[];

beforeAll(async () => {
  const outdir = await buildCompiledBff();
  directory = mkdtempSync(join(tmpdir(), 'sesali-instances-'));
  database = await createTestDatabase();
  redisPort = await freePort();
  redis = startRedis();
  await waitFor(redisAnswers, 'redis');

  instancePorts = [await freePort(), await freePort()];
  balancer = roundRobin(instancePorts);
  await new Promise<void>((resolve) => balancer.server.listen(0, '127.0.0.1', resolve));
  publicUrl = `http://localhost:${(balancer.server.address() as AddressInfo).port}`;

  // One configuration for both instances, as a deployment gives them: sessions and limits in Redis, audit in
  // PostgreSQL, behind the balancer on loopback.
  const environment = productionEnvironment(publicUrl, await startSimulators(publicUrl), directory, {
    TRUST_PROXY: 'loopback',
    SESSION_ENCRYPTION_KEY: randomSecret(),
    SESSION_STORE: 'redis',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    AUDIT_DATABASE_URL: database.url,
  });
  for (const port of instancePorts) await startCompiledBff(outdir, environment, port);
}, 60_000);

afterAll(async () => {
  await stopAll();
  await new Promise<void>((resolve) => (balancer ? balancer.server.close(() => resolve()) : resolve()));
  await database?.drop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

const browser = (): Agent => request.agent(publicUrl).set('User-Agent', CHROME_UA).set('Origin', publicUrl);

async function logIn(agent: Agent): Promise<void> {
  const login = await agent.get('/auth/login').expect(303);
  const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-generaliste' });
  const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  expect(done.headers.location).toBe('/');
}

async function readSummary(agent: Agent): Promise<void> {
  const ref = await consentedRef(agent, 'PT', 'complete', 'pt');
  const summary = await agent.get(`/api/patients/${ref}/summary`).expect(200);
  expect(summary.headers['cache-control']).toBe('no-store');
  expect(JSON.stringify(summary.body)).toContain('Monteiro');
}

describe('two compiled instances behind a load balancer', () => {
  it('runs a whole journey with requests alternating between the instances, one audit chain', async () => {
    const agent = browser();
    const from = balancer.served.length;
    await logIn(agent);
    await agent.get('/api/session').expect(200);
    await readSummary(agent);

    const journey = balancer.served.slice(from);
    const apiCalls = journey.filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/auth/'));
    expect(new Set(apiCalls.map((r) => r.port))).toEqual(new Set(instancePorts));
    // Each instance served a good share of the journey (the simulators' JWKS fetches take turns too).
    for (const port of instancePorts)
      expect(apiCalls.filter((r) => r.port === port).length).toBeGreaterThanOrEqual(apiCalls.length / 3);
    expect(journey.filter((r) => r.status >= 500)).toEqual([]);

    const store = await openPostgresAuditStore(database.url);
    try {
      const actions = (await store.events({ limit: 100 })).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['login', 'patient_search', 'consent_attested', 'summary_viewed']),
      );
      expect((await verifyChain(allEvents(store))).broken).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);

  it('sends the professional to log in again when Redis restarts mid-journey, without a 500', async () => {
    const agent = browser();
    await logIn(agent);
    await agent.get('/api/session').expect(200);
    const from = balancer.served.length;

    await stopProcess(redis);
    // While Redis is down: a clear 503 with its French message, on both instances.
    for (let i = 0; i < 4; i += 1) {
      const down = await agent.get('/api/session');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        code: 'session_store_unavailable',
        message: expect.stringMatching(/indisponible/),
      });
    }
    redis = startRedis();
    await waitFor(redisAnswers, 'redis restarted');
    // Once both instances have reconnected, the lost session is a new login to make (401), not an error loop.
    const statuses: number[] = [];
    await waitFor(async () => {
      const pair = [(await agent.get('/api/session')).status, (await agent.get('/api/session')).status];
      statuses.push(...pair);
      return pair.every((status) => status !== 503);
    }, 'instances reconnected to Redis');
    expect(new Set(statuses)).toEqual(new Set(statuses.includes(503) ? [503, 401] : [401]));
    expect((await agent.get('/api/session')).body).toMatchObject({ code: 'not_authenticated' });

    await logIn(agent);
    await readSummary(agent);
    expect(balancer.served.slice(from).filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
  }, 60_000);
});
