/**
 * Durability: the real service (dev entry point, its own process) is killed with SIGKILL in the middle of a
 * burst of summary requests; afterwards every summary a client received has its event in the audit trail,
 * and the chain is whole — with the SQLite store and with PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { loginAtSimulator } from '../testing/psc-browser';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { freePort, waitFor } from '../testing/processes';
import { consentedRef } from '../testing/shipped-patients';
import { CHROME_UA } from '../testing/test-config';
import { allEvents, type AuditStore } from './audit-store';
import { verifyChain } from './events';
import { openPostgresAuditStore } from './postgres-audit-store';
import { openSqliteAuditStore } from './sqlite-audit-store';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const BURST = 60;

interface Service {
  child: ChildProcess;
  base: string;
}

/**
 * Starts the service on ports free at that moment (fixed ports once let a service left over by an interrupted
 * run answer /healthz and take the burst, its events in another database), and waits for it; a child that
 * exits at start fails at once, naming why.
 */
async function startService(env: Record<string, string>): Promise<Service> {
  const [port, pscPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bff/src/dev-server.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      PSC_SIM_PORT: String(pscPort),
      SERVE_SPA: 'false',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = String(signal ?? code)));
  const base = `http://localhost:${port}`;
  try {
    await waitFor(async () => exit !== undefined || (await fetch(`${base}/healthz`)).ok, 'the service', 30_000);
    if (exit !== undefined) throw new Error(`the service exited at start (${exit})`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, base };
}

async function burstThenKill(service: Service): Promise<string[]> {
  const agent = request.agent(service.base).set('User-Agent', CHROME_UA).set('Origin', service.base);
  const login = await agent.get('/auth/login').expect(303);
  const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-generaliste' });
  await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  const ref = await consentedRef(agent, 'PT', 'complete', 'pt');

  const received: string[] = [];
  let answered = 0;
  const calls = Array.from({ length: BURST }, async () => {
    try {
      const response = await agent.get(`/api/patients/${ref}/summary`);
      answered++;
      // Kill the service in the middle of the burst, with requests still in flight.
      if (answered === Math.floor(BURST / 3)) service.child.kill('SIGKILL');
      if (response.status === 200) received.push(String(response.headers['x-request-id']));
    } catch {
      // cut by the kill
    }
  });
  await Promise.all(calls);
  service.child.kill('SIGKILL');
  return received;
}

async function expectEveryReceivedSummaryAudited(store: AuditStore, received: string[]): Promise<void> {
  const viewed = new Set(
    (await store.events({ actions: ['summary_viewed'], limit: 10_000 })).map((event) => event.requestId),
  );
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((id) => !viewed.has(id))).toEqual([]);
  expect((await verifyChain(allEvents(store))).broken).toBeUndefined();
}

describe('audit durability under SIGKILL', () => {
  let directory: string;
  let database: TestDatabase;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sesali-crash-'));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await database.drop();
  });

  it('keeps every delivered summary’s event in SQLite', async () => {
    const dataDir = join(directory, 'sqlite');
    const service = await startService({ DATA_DIR: dataDir });
    const received = await burstThenKill(service);
    const store = openSqliteAuditStore(join(dataDir, 'audit.sqlite'));
    try {
      await expectEveryReceivedSummaryAudited(store, received);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('keeps every delivered summary’s event in PostgreSQL', async () => {
    const service = await startService({ DATA_DIR: join(directory, 'pg'), AUDIT_DATABASE_URL: database.url });
    const received = await burstThenKill(service);
    const store = await openPostgresAuditStore(database.url);
    try {
      await expectEveryReceivedSummaryAudited(store, received);
    } finally {
      await store.close();
    }
  }, 60_000);
});
