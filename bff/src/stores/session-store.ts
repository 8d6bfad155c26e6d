/**
 * The session store: SQLite (embedded default, one instance) or Redis (several instances behind a load
 * balancer). Both expire sessions on their own; the store is closed with the app.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import type session from 'express-session';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { sessionKeys, sessionSerializer } from './session-cipher';
import { SqliteSessionStore } from './sqlite-session-store';

export interface SessionStoreHandle {
  store: session.Store;
  /** The Redis connection's command function, for the rate limits to share it (Redis store only). */
  redisCommand?: (...args: string[]) => Promise<unknown>;
  close(): Promise<void>;
}

const REDIS_START_TIMEOUT_MS = 15_000;

/** Connects, or closes the client and fails with a message for the operator once `ms` have passed. */
async function connectWithin(client: { connect(): Promise<unknown>; destroy(): void }, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      client.destroy();
      reject(new Error(`the session store (REDIS_URL) did not answer within ${ms / 1000} s`));
    }, ms);
  });
  const connecting = client.connect();
  // Once given up, its own failure (the client destroyed) is of no interest.
  connecting.catch(() => undefined);
  try {
    await Promise.race([connecting, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openSessionStore(
  config: Config['session'],
  logger?: Pick<Logger, 'warn'>,
  { redisStartTimeoutMs = REDIS_START_TIMEOUT_MS }: { redisStartTimeoutMs?: number } = {},
): Promise<SessionStoreHandle> {
  const ttlMs = config.idleMinutes * 60 * 1000;
  // Sessions hold patients' identities and the ID token: encrypted in either store.
  const serializer = sessionSerializer(sessionKeys(config));
  if (config.store.kind === 'redis') {
    const { RedisStore } = await import('connect-redis');
    const { createClient } = await import('redis');
    // Commands fail at once while Redis is unreachable (503, http/store-failures.ts) instead of waiting in a queue.
    const client = createClient({
      url: config.store.url,
      socket: { connectTimeout: 5000 },
      disableOfflineQueue: true,
    });
    // Without a listener node-redis would crash the process; requests that fail meanwhile answer on their own.
    client.on('error', (error: unknown) => {
      logger?.warn(
        { event: 'session_store_error', err: error instanceof Error ? error.message : String(error) },
        'Redis session store error (reconnecting)',
      );
    });
    // At start, Redis must answer: a BFF waiting for it forever would look alive to its supervisor.
    await connectWithin(client, redisStartTimeoutMs);
    return {
      store: new RedisStore({
        client,
        prefix: 'sesali:sess:',
        ttl: ttlMs / 1000,
        serializer: serializer as ConstructorParameters<typeof RedisStore>[0]['serializer'],
      }),
      redisCommand: (...args: string[]) => client.sendCommand(args),
      close: async () => {
        await client.close();
      },
    };
  }
  const db = openSessionDatabase(config.store.path);
  const store = new SqliteSessionStore(db, ttlMs, { serializer });
  return {
    store,
    close: () => {
      store.close();
      return Promise.resolve();
    },
  };
}

/** The SQLite database of sessions, with the settings that keep ended sessions unreadable on disk. */
export function openSessionDatabase(path: string): Database.Database {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Sessions hold patients' identities: readable by the service's user only (SQLite gives the WAL and
    // shared-memory files the database file's mode).
    if (!existsSync(path)) writeFileSync(path, '', { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  const db = openSqlite(path);
  // Deleted rows (a session ended, an older copy of a changed one) are overwritten with zeros, not left in free pages.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  // A session needs no power-cut durability (losing the last minute's sessions means logging in again), so
  // commits are not fsync'd one by one: each would block the event loop (the audit trail keeps FULL).
  db.pragma('synchronous = NORMAL');
  return db;
}
