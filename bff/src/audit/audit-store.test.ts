/**
 * The audit store's contract, on both adapters against real databases (a SQLite file; a fresh database of the
 * local PostgreSQL): the chain, the queries, the databases refusing any change, and the `audit` command's
 * verify and export — including a row edited by hand, with the triggers dropped, named by `verify`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../stores/sqlite';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/postgres';
import { allEvents, type AuditStore } from './audit-store';
import { runAuditCommand } from './cli';
import { GENESIS_HASH, verifyChain, type AuditEventInput } from './events';
import { openPostgresAuditStore } from './postgres-audit-store';
import { openSqliteAuditStore } from './sqlite-audit-store';

const doctor = { sub: 'psc-sub-1', professionalId: '810000000001', profession: 'Médecin', situation: 'Cabinet A' };
const nurse = { sub: 'psc-sub-2', professionalId: '810000000002', profession: 'Infirmier', situation: 'CHU B' };
const event = (action: AuditEventInput['action'], actor = doctor): AuditEventInput => ({
  requestId: 'req-1',
  actor,
  action,
  outcome: 'success',
  details: { country: 'PT', patientRef: 'abc', attestations: ['noticeGiven'] },
});

async function command(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditCommand(
    argv,
    env,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

interface Adapter {
  name: string;
  open(): Promise<AuditStore>;
  env(): Record<string, string>;
  /** Edits one event's reason by hand, after dropping the append-only triggers (what an attacker with DBA rights could do). */
  tamper(seq: number): Promise<void>;
  /** An UPDATE and a DELETE as the application's connection would send them. */
  tryChange(): Promise<string[]>;
  cleanup(): Promise<void>;
}

let directory: string;
let database: TestDatabase;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sesali-audit-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await database.drop();
});

const sqlite: Adapter = {
  name: 'SQLite',
  open: () => Promise.resolve(openSqliteAuditStore(join(directory, 'audit.sqlite'))),
  env: () => ({ DATA_DIR: directory }),
  tamper(seq) {
    const db = openSqlite(join(directory, 'audit.sqlite'));
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare("UPDATE audit_events SET reason = 'edited' WHERE seq = ?").run(seq);
    db.close();
    return Promise.resolve();
  },
  tryChange() {
    const db = openSqlite(join(directory, 'audit.sqlite'));
    const errors: string[] = [];
    for (const sql of ["UPDATE audit_events SET reason = 'x' WHERE seq = 1", 'DELETE FROM audit_events WHERE seq = 1'])
      try {
        db.exec(sql);
      } catch (error) {
        errors.push((error as Error).message);
      }
    db.close();
    return Promise.resolve(errors);
  },
  cleanup: () => Promise.resolve(),
};

const postgres: Adapter = {
  name: 'PostgreSQL',
  open: () => openPostgresAuditStore(database.url),
  env: () => ({ AUDIT_DATABASE_URL: database.url }),
  async tamper(seq) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('DROP TRIGGER audit_events_no_change ON audit_events');
    await client.query("UPDATE audit_events SET reason = 'edited' WHERE seq = $1", [seq]);
    await client.end();
  },
  async tryChange() {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const errors: string[] = [];
    for (const sql of [
      "UPDATE audit_events SET reason = 'x' WHERE seq = 1",
      'DELETE FROM audit_events WHERE seq = 1',
      'TRUNCATE audit_events',
    ])
      try {
        await client.query(sql);
      } catch (error) {
        errors.push((error as Error).message);
      }
    await client.end();
    return errors;
  },
  cleanup: () => Promise.resolve(),
};

describe.each([sqlite, postgres])('the audit trail in $name', (adapter) => {
  let store: AuditStore;
  beforeAll(async () => {
    store = await adapter.open();
  });
  afterAll(() => store.close());

  it('chains events, answers queries, and survives a reopening', async () => {
    const first = await store.append(event('login'));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: doctor, action: 'login' });
    const second = await store.append(event('summary_viewed'));
    expect(second.prevHash).toBe(first.hash);
    // Concurrent appends stay in one chain.
    await Promise.all([
      store.append(event('consent_attested', nurse)),
      store.append(event('summary_viewed', nurse)),
      store.append(event('logout')),
    ]);
    await store.close();
    store = await adapter.open();
    expect(await store.count()).toBe(5);
    expect((await verifyChain(allEvents(store))).head?.seq).toBe(5);
    expect((await store.events({ actorSub: nurse.sub })).map((e) => e.action)).toEqual([
      expect.stringMatching(/consent_attested|summary_viewed/),
      expect.stringMatching(/consent_attested|summary_viewed/),
    ]);
    expect(await store.count({ professional: doctor.professionalId, actions: ['summary_viewed'] })).toBe(1);
    const newest = await store.events({ order: 'desc', limit: 1 });
    expect(newest[0]?.seq).toBe(5);
    expect(newest[0]?.details).toEqual({ country: 'PT', patientRef: 'abc', attestations: ['noticeGiven'] });
  });

  it('is refused any change by the database itself', async () => {
    const errors = await adapter.tryChange();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const message of errors) expect(message).toMatch(/append-only/);
    expect(await store.count()).toBe(5);
  });

  it('verifies with `audit verify`, exports with `audit export`, and names the event edited by hand', async () => {
    expect(await command(['verify'], adapter.env())).toMatchObject({
      code: 0,
      out: [expect.stringMatching(/^Audit trail intact: 5 events/)],
    });
    const exported = await command(['export', '--professional', nurse.professionalId], adapter.env());
    expect(exported.code).toBe(0);
    expect(exported.out.map((line) => (JSON.parse(line) as { actor: { sub: string } }).actor.sub)).toEqual([
      nurse.sub,
      nurse.sub,
    ]);
    const since = await command(['export', '--since', '2000-01-01'], adapter.env());
    expect(since.out).toHaveLength(5);

    await adapter.tamper(3);
    expect(await command(['verify'], adapter.env())).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/BROKEN at event #3: content does not match its hash/)],
    });
  });

  it('answers the readiness ping while open, and fails it once closed', async () => {
    const other = await adapter.open();
    await expect(other.ping()).resolves.toBeUndefined();
    await other.close();
    await expect(other.ping()).rejects.toThrow();
  });
});

describe('PostgreSQL with the documented grants', () => {
  it('opens and appends as a role that may only read and insert, and that role cannot change an event', async () => {
    // The schema exists (the owner created it above); the BFF's role gets what docs/audit.md grants.
    const role = `sesali_bff_${Date.now()}`;
    const password = randomBytes(12).toString('hex');
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${role}`);
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await admin.query(`GRANT SELECT, INSERT ON audit_events TO ${role}`);
      await admin.query(`GRANT SELECT ON audit_migrations TO ${role}`);
      await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      const url = new URL(database.url);
      url.username = role;
      url.password = password;
      const store = await openPostgresAuditStore(url.href);
      try {
        const before = await store.count();
        await store.append(event('login'));
        expect(await store.count()).toBe(before + 1);
      } finally {
        await store.close();
      }
      const restricted = new pg.Client({ connectionString: url.href });
      await restricted.connect();
      await expect(restricted.query("UPDATE audit_events SET reason = 'x'")).rejects.toThrow(/permission denied/);
      await restricted.end();
    } finally {
      await admin.query(`REVOKE ALL ON audit_events, audit_migrations FROM ${role}`);
      await admin.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
      await admin.query(`REVOKE ALL ON DATABASE ${name} FROM ${role}`);
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    }
  });
});

describe('SQLite group commit', () => {
  it('commits a burst of concurrent events in groups: each caller gets its own committed event, in one chain', async () => {
    const store = openSqliteAuditStore(join(directory, 'group.sqlite'));
    const burst = Array.from({ length: 200 }, (_, i) => event(i % 2 ? 'summary_viewed' : 'patient_search'));
    const events = await Promise.all(burst.map((input) => store.append(input)));
    expect(events.map((e) => e.seq)).toEqual(burst.map((_, i) => i + 1));
    events.forEach((e, i) => expect(e.action).toBe(burst[i]?.action));
    // Asked for just before closing: committed by the close, not lost.
    const last = store.append(event('logout'));
    await store.close();
    expect((await last).seq).toBe(201);
    await expect(store.append(event('login'))).rejects.toThrow();

    const reopened = openSqliteAuditStore(join(directory, 'group.sqlite'));
    expect(await reopened.count()).toBe(201);
    expect((await verifyChain(allEvents(reopened))).head?.seq).toBe(201);
    await reopened.close();
  });
});

describe('the audit command', () => {
  it('says how to use it, and where it looked when there is no trail', async () => {
    expect((await command([], {})).code).toBe(2);
    expect((await command(['export', '--since', 'yesterday'], { DATA_DIR: directory })).err[0]).toMatch(/not a date/);
    const missing = await command(['verify'], { DATA_DIR: join(directory, 'nowhere') });
    expect(missing).toMatchObject({ code: 2, err: [expect.stringMatching(/No audit trail at .*nowhere/)] });
  });
});
