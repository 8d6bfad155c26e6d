/**
 * The audit trail in PostgreSQL (AUDIT_DATABASE_URL), for several BFF instances: each append takes a
 * transaction-scoped advisory lock so the chain stays in order across instances, and commits before it returns.
 * Triggers refuse UPDATE, DELETE and TRUNCATE; the migration also revokes those rights from PUBLIC, and
 * docs/audit.md gives the grants of the application's role (INSERT and SELECT only).
 */
import pg from 'pg';
import type { AuditQuery, AuditStore } from './audit-store';
import { chainedEvent, type AuditEvent } from './events';
import { auditTableSql, eventToRow, rowToEvent, whereOf } from './sqlite-audit-store';

/** Any constant: the lock that serialises appends to the chain. */
const CHAIN_LOCK = 7_323_001;

const MIGRATIONS: readonly string[] = [
  `${auditTableSql('BIGINT')}
   CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
   CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
   CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
     FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
   REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;`,
];

export async function openPostgresAuditStore(connectionString: string): Promise<AuditStore> {
  const pool = new pg.Pool({ connectionString, max: 5, connectionTimeoutMillis: 5000 });
  // A dropped idle connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    // Only DDL that is needed: once the schema is there, a role that may only read and insert opens the store
    // (CREATE TABLE IF NOT EXISTS would still ask for the CREATE right on the schema).
    const exists = await client.query<{ table: string | null }>("SELECT to_regclass('audit_migrations') AS table");
    if (exists.rows[0]?.table === null)
      await client.query('CREATE TABLE audit_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM audit_migrations')).rows.map((r) => r.version),
    );
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (applied.has(index + 1)) continue;
      await client.query(sql);
      await client.query('INSERT INTO audit_migrations (version, applied_at) VALUES ($1, $2)', [
        index + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  const dollar = (index: number) => `$${index}`;
  return {
    kind: 'postgres',
    async append(input) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        await connection.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        const last = await connection.query<{ seq: string; hash: string }>(
          'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
        );
        const previous = last.rows[0] && { seq: Number(last.rows[0].seq), hash: last.rows[0].hash };
        const event = chainedEvent(input, previous, new Date().toISOString());
        const row = eventToRow(event);
        await connection.query(
          `INSERT INTO audit_events (seq, time, request_id, actor_sub, actor_id, actor_profession, actor_situation,
             action, outcome, reason, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            row.seq,
            row.time,
            row.request_id,
            row.actor_sub,
            row.actor_id,
            row.actor_profession,
            row.actor_situation,
            row.action,
            row.outcome,
            row.reason,
            row.details,
            row.prev_hash,
            row.hash,
          ],
        );
        await connection.query('COMMIT');
        return event;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    async events(query: AuditQuery = {}): Promise<AuditEvent[]> {
      const { where, params } = whereOf(query, dollar);
      const order = query.order === 'desc' ? 'DESC' : 'ASC';
      params.push(query.limit ?? 1000, query.offset ?? 0);
      const result = await pool.query<Parameters<typeof rowToEvent>[0]>(
        `SELECT * FROM audit_events ${where} ORDER BY seq ${order} LIMIT ${dollar(params.length - 1)} OFFSET ${dollar(params.length)}`,
        params,
      );
      return result.rows.map(rowToEvent);
    },
    async count(query = {}) {
      const { where, params } = whereOf(query, dollar);
      const result = await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM audit_events ${where}`, params);
      return Number(result.rows[0]?.n ?? 0);
    },
    async ping() {
      await pool.query('SELECT 1 FROM audit_events LIMIT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
