/**
 * Both session stores against real servers: SQLite on a temporary file, Redis at REDIS_URL (npm test starts a
 * private redis-server; by default the machine's own on 127.0.0.1:6379).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type session from 'express-session';
import { openSessionStore, type SessionStoreHandle } from './session-store';

const call = <T>(fn: (cb: (error?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) =>
    fn((error, value) =>
      error ? reject(error instanceof Error ? error : new Error('store failure')) : resolve(value),
    ),
  );

const sample = (expiresInMs: number) =>
  ({
    cookie: { expires: new Date(Date.now() + expiresInMs), originalMaxAge: expiresInMs },
    user: { familyName: 'MARTIN' },
  }) as unknown as session.SessionData;

function storeContract(name: string, open: () => Promise<SessionStoreHandle>) {
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
      expect(await call<session.SessionData | null>((cb) => store.get(sid, cb))).toMatchObject({
        user: { familyName: 'MARTIN' },
      });
      await call((cb) => store.touch?.(sid, sample(120_000), cb));
      await call((cb) => store.destroy(sid, cb));
      expect(await call<session.SessionData | null>((cb) => store.get(sid, cb))).toBeFalsy();
    });

    it('does not return an expired session', async () => {
      const { store } = handle;
      const sid = `expired-${name}-${Date.now()}`;
      await call((cb) => store.set(sid, sample(1_000), cb));
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await call<session.SessionData | null>((cb) => store.get(sid, cb))).toBeFalsy();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sesali-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', () =>
  openSessionStore({
    secret: 'x',
    store: { kind: 'sqlite', path: join(dir, 's.sqlite') },
    idleMinutes: 30,
    maxHours: 12,
  }),
);
storeContract('redis', () =>
  openSessionStore({
    secret: 'x',
    store: { kind: 'redis', url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    idleMinutes: 30,
    maxHours: 12,
  }),
);
