/**
 * Both session stores against real servers: SQLite on a temporary file, Redis at REDIS_URL (npm test starts a
 * private redis-server; by default the machine's own on 127.0.0.1:6379). Nothing waits for expiry: the SQLite
 * store reads an injected clock, and Redis, which expires keys itself, is asked for the TTL it holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from './sqlite';
import type session from 'express-session';
import { createClient } from 'redis';
import { freePort } from '../testing/processes';
import { openSessionStore, type SessionStoreHandle } from './session-store';
import { SqliteSessionStore } from './sqlite-session-store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The key prefix session-store.ts gives connect-redis. */
const REDIS_PREFIX = 'sesali:sess:';
const IDLE_MINUTES = 30;

const call = <T>(fn: (cb: (error?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) =>
    fn((error, value) =>
      error ? reject(error instanceof Error ? error : new Error('store failure')) : resolve(value),
    ),
  );

/** A session whose cookie expires `expiresInMs` after `now` (the cookie has no expiry when null). */
const sample = (expiresInMs: number | null, now = Date.now()) =>
  ({
    cookie:
      expiresInMs === null
        ? { originalMaxAge: null }
        : { expires: new Date(now + expiresInMs), originalMaxAge: expiresInMs },
    user: { familyName: 'MARTIN' },
  }) as unknown as session.SessionData;

const read = (store: session.Store, sid: string) => call<session.SessionData | null>((cb) => store.get(sid, cb));

function storeContract(
  name: string,
  open: () => Promise<SessionStoreHandle>,
  raw: (sid: string) => Promise<string | undefined>,
) {
  describe(name, () => {
    let handle: SessionStoreHandle;
    beforeAll(async () => {
      handle = await open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it('keeps, reads back, touches and destroys a session', async () => {
      const { store } = handle;
      const sid = `sid-${name}-${Date.now()}`;
      await call((cb) => store.set(sid, sample(60_000), cb));
      expect(await read(store, sid)).toMatchObject({ user: { familyName: 'MARTIN' } });
      await call((cb) => store.touch?.(sid, sample(120_000), cb));
      await call((cb) => store.destroy(sid, cb));
      expect(await read(store, sid)).toBeFalsy();
    });

    it('keeps the session encrypted: the stored value shows nothing of it', async () => {
      const sid = `sid-${name}-enc-${Date.now()}`;
      await call((cb) => handle.store.set(sid, sample(60_000), cb));
      const value = await raw(sid);
      expect(value).toMatch(/^enc1\.[0-9a-f]{8}\.[\w-]+$/);
      expect(value).not.toContain('MARTIN');
      expect(await read(handle.store, sid)).toMatchObject({ user: { familyName: 'MARTIN' } });
      await call((cb) => handle.store.destroy(sid, cb));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sesali-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract(
  'sqlite',
  () =>
    openSessionStore({
      secret: 'x',
      store: { kind: 'sqlite', path: join(dir, 's.sqlite') },
      idleMinutes: IDLE_MINUTES,
      maxHours: 12,
    }),
  (sid) => {
    const db = openSqlite(join(dir, 's.sqlite'), { readonly: true });
    try {
      return Promise.resolve(
        db.prepare<[string], { sess: string }>('SELECT sess FROM sessions WHERE sid = ?').get(sid)?.sess,
      );
    } finally {
      db.close();
    }
  },
);
storeContract(
  'redis',
  () =>
    openSessionStore({
      secret: 'x',
      store: { kind: 'redis', url: REDIS_URL },
      idleMinutes: IDLE_MINUTES,
      maxHours: 12,
    }),
  async (sid) => {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    try {
      return (await client.get(`${REDIS_PREFIX}${sid}`)) ?? undefined;
    } finally {
      await client.close();
    }
  },
);

describe('redis at start', () => {
  it('fails with a message naming REDIS_URL when Redis does not answer, instead of waiting forever', async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    await expect(
      openSessionStore(
        { secret: 'x', store: { kind: 'redis', url: closed }, idleMinutes: IDLE_MINUTES, maxHours: 12 },
        undefined,
        { redisStartTimeoutMs: 500 },
      ),
    ).rejects.toThrow('the session store (REDIS_URL) did not answer within 0.5 s');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('sqlite expiry, on an injected clock', () => {
  const idleMs = IDLE_MINUTES * 60_000;
  let clock: number;
  let store: SqliteSessionStore;
  beforeEach(() => {
    clock = Date.parse('2030-01-01T08:00:00Z');
    store = new SqliteSessionStore(openSqlite(':memory:'), idleMs, {
      now: () => clock,
    });
  });
  afterEach(() => store.close());

  it('does not return a session once its cookie has expired, and a touch does not revive it', async () => {
    await call((cb) => store.set('sid', sample(1_000, clock), cb));
    clock += 999;
    expect(await read(store, 'sid')).toMatchObject({ user: { familyName: 'MARTIN' } });
    clock += 1;
    expect(await read(store, 'sid')).toBeNull();
    await call((cb) => store.touch('sid', sample(60_000, clock), cb));
    expect(await read(store, 'sid')).toBeNull();
  });

  it('extends a session on touch', async () => {
    await call((cb) => store.set('sid', sample(60_000, clock), cb));
    clock += 30_000;
    await call((cb) => store.touch('sid', sample(60_000, clock), cb));
    clock += 59_999;
    expect(await read(store, 'sid')).toMatchObject({ user: { familyName: 'MARTIN' } });
    clock += 1;
    expect(await read(store, 'sid')).toBeNull();
  });

  it('expires a session whose cookie has no expiry after the idle time', async () => {
    await call((cb) => store.set('sid', sample(null), cb));
    clock += idleMs - 1;
    expect(await read(store, 'sid')).toMatchObject({ user: { familyName: 'MARTIN' } });
    clock += 1;
    expect(await read(store, 'sid')).toBeNull();
  });

  it('purges the expired sessions only, and counts the live ones', async () => {
    await call((cb) => store.set('short', sample(1_000, clock), cb));
    await call((cb) => store.set('long', sample(60_000, clock), cb));
    expect(await call<number>((cb) => store.length(cb))).toBe(2);
    clock += 1_000;
    expect(await call<number>((cb) => store.length(cb))).toBe(1);
    expect(store.sweep()).toBe(1);
    expect(store.sweep()).toBe(0);
    expect(await read(store, 'long')).toMatchObject({ user: { familyName: 'MARTIN' } });
  });
});

describe('redis expiry, kept by Redis itself', () => {
  let handle: SessionStoreHandle;
  const redis = createClient({ url: REDIS_URL });
  beforeAll(async () => {
    handle = await openSessionStore({
      secret: 'x',
      store: { kind: 'redis', url: REDIS_URL },
      idleMinutes: IDLE_MINUTES,
      maxHours: 12,
    });
    await redis.connect();
  });
  afterAll(async () => {
    await handle.close();
    await redis.close();
  });
  /** The TTL Redis holds for the session, in seconds (-2: no such key). */
  const ttl = (sid: string) => redis.ttl(`${REDIS_PREFIX}${sid}`);

  it('gives the session key the life left to its cookie, and a touch extends it', async () => {
    const { store } = handle;
    const sid = `ttl-${Date.now()}`;
    await call((cb) => store.set(sid, sample(90_000), cb));
    // connect-redis rounds up to the second; a slow machine may see a second go by.
    expect(await ttl(sid)).toBeGreaterThanOrEqual(88);
    expect(await ttl(sid)).toBeLessThanOrEqual(90);
    await call((cb) => store.touch?.(sid, sample(600_000), cb));
    expect(await ttl(sid)).toBeGreaterThanOrEqual(598);
    expect(await ttl(sid)).toBeLessThanOrEqual(600);
    await call((cb) => store.destroy(sid, cb));
  });

  it('does not return a session whose cookie has expired, whether set or touched', async () => {
    const { store } = handle;
    const sid = `expired-${Date.now()}`;
    await call((cb) => store.set(sid, sample(-1_000), cb));
    expect(await ttl(sid)).toBe(-2);
    expect(await read(store, sid)).toBeFalsy();

    await call((cb) => store.set(sid, sample(60_000), cb));
    await call((cb) => store.touch?.(sid, sample(-1_000), cb));
    expect(await ttl(sid)).toBe(-2);
    expect(await read(store, sid)).toBeFalsy();
  });
});
