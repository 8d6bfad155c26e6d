/**
 * express-session store on SQLite (better-sqlite3), the embedded default. Written here rather than taken from
 * better-sqlite3-session-store 0.1.0, whose expiry timer can be neither disabled nor stopped (it keeps the
 * process alive and fires on a closed database): see docs/decisions/002-sqlite-session-store.md.
 */
import type BetterSqlite3 from 'better-sqlite3';
import session from 'express-session';
import type { SessionSerializer } from './session-cipher';

type Callback<T = void> = (error?: unknown, value?: T) => void;

export interface SqliteSessionStoreOptions {
  /** How often expired rows are deleted (they are never read meanwhile). */
  sweepIntervalMs?: number;
  /** The clock expiry and purge read, in epoch milliseconds: injected so tests need not wait for expiry. */
  now?: () => number;
  /** How sessions are written to rows (encrypted in the service; plain JSON when unset). */
  serializer?: SessionSerializer;
}

const plainJson: SessionSerializer = {
  stringify: (sess) => JSON.stringify(sess),
  parse: (value) => JSON.parse(value) as session.SessionData,
};

export class SqliteSessionStore extends session.Store {
  private readonly statements;
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly serializer: SessionSerializer;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly defaultTtlMs: number,
    { sweepIntervalMs = 10 * 60 * 1000, now = Date.now, serializer = plainJson }: SqliteSessionStoreOptions = {},
  ) {
    super();
    this.now = now;
    this.serializer = serializer;
    db.exec(`CREATE TABLE IF NOT EXISTS sessions (
      sid TEXT PRIMARY KEY NOT NULL,
      sess TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT`);
    db.exec('CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at)');
    this.statements = {
      get: db.prepare<[string, number], { sess: string }>('SELECT sess FROM sessions WHERE sid = ? AND expires_at > ?'),
      set: db.prepare(
        'INSERT INTO sessions (sid, sess, expires_at) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET sess = excluded.sess, expires_at = excluded.expires_at',
      ),
      touch: db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ? AND expires_at > ?'),
      destroy: db.prepare('DELETE FROM sessions WHERE sid = ?'),
      sweep: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      clear: db.prepare('DELETE FROM sessions'),
      count: db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?'),
    };
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires).getTime() : this.now() + this.defaultTtlMs;
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    try {
      const row = this.statements.get.get(sid, this.now());
      callback(undefined, row ? this.serializer.parse(row.sess) : null);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    try {
      this.statements.set.run(sid, this.serializer.stringify(sess), this.expiry(sess));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    try {
      this.statements.touch.run(this.expiry(sess), sid, this.now());
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: Callback): void {
    try {
      this.statements.destroy.run(sid);
      // A session holds patients' identities: once it ends, nothing of it may stay readable on disk. With
      // secure_delete the freed space is zeroed; the checkpoint empties the WAL, which still held old copies.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override clear(callback?: Callback): void {
    try {
      this.statements.clear.run();
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override length(callback: Callback<number>): void {
    try {
      callback(undefined, this.statements.count.get(this.now())?.n ?? 0);
    } catch (error) {
      callback(error);
    }
  }

  sweep(): number {
    return this.statements.sweep.run(this.now()).changes;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.db.close();
  }
}
