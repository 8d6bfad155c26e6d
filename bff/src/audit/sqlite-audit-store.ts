/**
 * The audit trail in SQLite: one file (DATA_DIR/audit.sqlite), WAL with synchronous=FULL so a committed event
 * survives a crash or a power cut, the chain appended in one IMMEDIATE transaction (several processes on the
 * same file stay in order), and triggers that refuse any UPDATE or DELETE.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openSqlite } from '../stores/sqlite';
import type { AuditQuery, AuditStore } from './audit-store';
import { chainedEvent, type AuditEvent, type AuditEventInput } from './events';

/** The events table and its indexes, the same in both stores but for the sequence number's type. */
export function auditTableSql(seqType: 'INTEGER' | 'BIGINT'): string {
  return `CREATE TABLE audit_events (
     seq ${seqType} PRIMARY KEY,
     time TEXT NOT NULL,
     request_id TEXT,
     actor_sub TEXT,
     actor_id TEXT,
     actor_profession TEXT,
     actor_situation TEXT,
     action TEXT NOT NULL,
     outcome TEXT NOT NULL,
     reason TEXT,
     details TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX audit_events_time ON audit_events (time);
   CREATE INDEX audit_events_actor_sub ON audit_events (actor_sub, seq);
   CREATE INDEX audit_events_actor_id ON audit_events (actor_id, seq);`;
}

const MIGRATIONS: readonly string[] = [
  `${auditTableSql('INTEGER')}
   CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
     BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
   CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
     BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;`,
];

interface Row {
  seq: number;
  time: string;
  request_id: string | null;
  actor_sub: string | null;
  actor_id: string | null;
  actor_profession: string | null;
  actor_situation: string | null;
  action: string;
  outcome: string;
  reason: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function rowToEvent(row: Row): AuditEvent {
  return {
    seq: Number(row.seq),
    time: row.time,
    requestId: row.request_id,
    actor:
      row.actor_sub === null
        ? null
        : {
            sub: row.actor_sub,
            professionalId: row.actor_id,
            profession: row.actor_profession,
            situation: row.actor_situation,
          },
    action: row.action as AuditEvent['action'],
    outcome: row.outcome as AuditEvent['outcome'],
    reason: row.reason,
    details: JSON.parse(row.details) as AuditEvent['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function eventToRow(event: AuditEvent): Row {
  return {
    seq: event.seq,
    time: event.time,
    request_id: event.requestId,
    actor_sub: event.actor?.sub ?? null,
    actor_id: event.actor?.professionalId ?? null,
    actor_profession: event.actor?.profession ?? null,
    actor_situation: event.actor?.situation ?? null,
    action: event.action,
    outcome: event.outcome,
    reason: event.reason,
    details: JSON.stringify(event.details),
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

/** WHERE clause and parameters of a query, for both stores (`?` or `$n` placeholders). */
export function whereOf(
  query: AuditQuery,
  placeholder: (index: number) => string,
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(placeholder(params.length)));
  };
  if (query.since !== undefined) add((p) => `time >= ${p}`, query.since);
  if (query.professional !== undefined) {
    params.push(query.professional, query.professional);
    clauses.push(`(actor_sub = ${placeholder(params.length - 1)} OR actor_id = ${placeholder(params.length)})`);
  }
  if (query.actorSub !== undefined) add((p) => `actor_sub = ${p}`, query.actorSub);
  if (query.actions !== undefined && query.actions.length > 0) {
    const marks = query.actions.map((action) => {
      params.push(action);
      return placeholder(params.length);
    });
    clauses.push(`action IN (${marks.join(', ')})`);
  }
  if (query.afterSeq !== undefined) add((p) => `seq > ${p}`, query.afterSeq);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function openSqliteAuditStore(path: string): AuditStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const isNew = path === ':memory:' || !existsSync(path);
  const db = openSqlite(path);
  if (isNew && path !== ':memory:') chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS audit_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM audit_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO audit_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    }).immediate();
  });

  const last = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, time, request_id, actor_sub, actor_id, actor_profession, actor_situation,
       action, outcome, reason, details, prev_hash, hash)
     VALUES (@seq, @time, @request_id, @actor_sub, @actor_id, @actor_profession, @actor_situation,
       @action, @outcome, @reason, @details, @prev_hash, @hash)`,
  );
  const appendAll = db.transaction((inputs: AuditEventInput[], time: string): AuditEvent[] => {
    let previous = last.get() as { seq: number; hash: string } | undefined;
    return inputs.map((input) => {
      const event = chainedEvent(input, previous, time);
      insert.run(eventToRow(event));
      previous = event;
      return event;
    });
  });

  // Group commit: the events of requests arriving together are appended in one transaction, so one fsync
  // (synchronous=FULL) makes them all durable, instead of one blocking fsync per event. Each caller still
  // gets its event only once it is committed; a failed commit fails every event of the group.
  let pending: { input: AuditEventInput; resolve: (event: AuditEvent) => void; reject: (error: Error) => void }[] = [];
  const flush = () => {
    const group = pending;
    pending = [];
    try {
      const events = appendAll.immediate(
        group.map((p) => p.input),
        new Date().toISOString(),
      );
      group.forEach((p, i) => p.resolve(events[i] as AuditEvent));
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const p of group) p.reject(failure);
    }
  };

  return {
    kind: 'sqlite',
    append(input) {
      return new Promise<AuditEvent>((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ input, resolve, reject });
      });
    },
    events(query = {}) {
      const { where, params } = whereOf(query, () => '?');
      const order = query.order === 'desc' ? 'DESC' : 'ASC';
      const rows = db
        .prepare(`SELECT * FROM audit_events ${where} ORDER BY seq ${order} LIMIT ? OFFSET ?`)
        .all(...params, query.limit ?? 1000, query.offset ?? 0) as Row[];
      return Promise.resolve(rows.map(rowToEvent));
    },
    count(query = {}) {
      const { where, params } = whereOf(query, () => '?');
      const row = db.prepare(`SELECT COUNT(*) AS n FROM audit_events ${where}`).get(...params) as { n: number };
      return Promise.resolve(Number(row.n));
    },
    ping() {
      try {
        db.prepare('SELECT 1 FROM audit_events LIMIT 1').get();
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    close() {
      // Events already asked for are committed before the store closes.
      if (pending.length > 0) flush();
      db.close();
      return Promise.resolve();
    },
  };
}
