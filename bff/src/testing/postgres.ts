/**
 * A real PostgreSQL for the tests: the local server (PostgreSQL 15 on these machines and in CI; `.ci/run`
 * makes sure it runs), started here when it does not answer, and a fresh database per test file, dropped after.
 * TEST_POSTGRES_URL names another server (default: postgres://postgres@127.0.0.1:5432/postgres).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts the machine's cluster (Debian's pg_ctlcluster) when the server does not answer. */
async function ensurePostgres(): Promise<void> {
  if (await answers()) return;
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  for (const version of versions) {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    } catch {
      // Already running, or another version: the check below decides.
    }
  }
  for (let i = 0; i < 20 && !(await answers()); i++) await new Promise((r) => setTimeout(r, 250));
  if (!(await answers()))
    throw new Error(`PostgreSQL does not answer at ${ADMIN_URL}: install and start it (see STACK.md, .ci/run).`);
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  await ensurePostgres();
  const name = `sesali_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
