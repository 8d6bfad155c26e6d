/**
 * Where the audit trail is kept, behind one interface with two adapters: SQLite (the embedded default,
 * DATA_DIR/audit.sqlite) and PostgreSQL (AUDIT_DATABASE_URL, several BFF instances). Both are append-only:
 * there is no update or delete path in the code, and the databases themselves refuse them (triggers, and
 * grants in PostgreSQL: docs/audit.md). `append` returns once the event is durably committed.
 */
import type { AuditAction, AuditEvent, AuditEventInput } from './events';

export interface AuditQuery {
  /** Events at or after this ISO time. */
  since?: string;
  /** One professional: PSC subject or RPPS/ADELI identifier (for auditors). */
  professional?: string;
  /** Exactly this PSC subject (a professional's own history). */
  actorSub?: string;
  actions?: readonly AuditAction[];
  /** Events after this sequence number (paging in order). */
  afterSeq?: number;
  limit?: number;
  /** Newest first (the professional's history) or oldest first (export, verification). */
  order?: 'asc' | 'desc';
  offset?: number;
}

export interface AuditStore {
  readonly kind: 'sqlite' | 'postgres';
  append(input: AuditEventInput): Promise<AuditEvent>;
  events(query?: AuditQuery): Promise<AuditEvent[]>;
  count(query?: Omit<AuditQuery, 'afterSeq' | 'limit' | 'offset' | 'order'>): Promise<number>;
  /** Resolves when the store answers a trivial read of the events table (readiness); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Every event in order, page by page (for verification and export of a large trail). */
export async function* allEvents(
  store: AuditStore,
  query: Omit<AuditQuery, 'afterSeq' | 'order' | 'limit' | 'offset'> = {},
): AsyncIterable<AuditEvent> {
  let afterSeq = 0;
  for (;;) {
    const page = await store.events({ ...query, afterSeq, order: 'asc', limit: 1000 });
    for (const event of page) yield event;
    const last = page.at(-1);
    if (!last || page.length < 1000) return;
    afterSeq = last.seq;
  }
}
