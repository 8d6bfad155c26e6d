/**
 * The audit trail's events: who (the professional, by PSC subject and RPPS/ADELI identifier, with profession and
 * situation), did what, with which outcome and why, when, in which request. No national identifier or patient
 * name is ever in an event: a patient is designated by a keyed hash of their identifier, and by initials and
 * birth year for the professional's own history. Each stored event carries the hash of the previous one, so
 * that editing or deleting any event breaks the chain (`verifyChain`).
 */
import { createHash } from 'node:crypto';
import type { AuditAction } from '@sesali/shared';

export type { AuditAction } from '@sesali/shared';

export type AuditOutcome = 'success' | 'refused' | 'failure';

export interface AuditActor {
  /** PSC subject. */
  sub: string;
  /** RPPS or ADELI identifier, as PSC gives it. */
  professionalId: string | null;
  profession?: string | null;
  /** The chosen situation d'exercice (its organisation). */
  situation?: string | null;
}

export type AuditValue = string | number | boolean | null | string[];

export interface AuditEventInput {
  requestId?: string | null;
  actor?: AuditActor | null;
  action: AuditAction;
  outcome: AuditOutcome;
  reason?: string | null;
  details?: Record<string, AuditValue>;
}

export interface AuditEvent {
  seq: number;
  time: string;
  requestId: string | null;
  actor: AuditActor | null;
  action: AuditAction;
  outcome: AuditOutcome;
  reason: string | null;
  details: Record<string, AuditValue>;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same event always hashes the same, whatever the store. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an event: over every field but the hash itself, the previous event's hash included. */
export function eventHash(event: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: event.seq,
        time: event.time,
        requestId: event.requestId,
        actor: event.actor,
        action: event.action,
        outcome: event.outcome,
        reason: event.reason,
        details: event.details,
        prevHash: event.prevHash,
      }),
    )
    .digest('hex');
}

/** Completes an event to append after `previous` (undefined for the first one). */
export function chainedEvent(
  input: AuditEventInput,
  previous: { seq: number; hash: string } | undefined,
  time: string,
): AuditEvent {
  const event: Omit<AuditEvent, 'hash'> = {
    seq: (previous?.seq ?? 0) + 1,
    time,
    requestId: input.requestId ?? null,
    actor: input.actor ?? null,
    action: input.action,
    outcome: input.outcome,
    reason: input.reason ?? null,
    details: input.details ?? {},
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...event, hash: eventHash(event) };
}

export interface ChainCheck {
  events: number;
  /** The first event that breaks the chain, and how; undefined when the chain is whole. */
  broken?: { seq: number; problem: string };
  head?: { seq: number; hash: string };
}

/** Walks events in order and checks each one's hash, link to the previous one and sequence number. */
export async function verifyChain(events: AsyncIterable<AuditEvent>): Promise<ChainCheck> {
  let previous: { seq: number; hash: string } | undefined;
  let count = 0;
  for await (const event of events) {
    count++;
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq)
      return { events: count, broken: { seq: event.seq, problem: `sequence gap: expected ${expectedSeq}` } };
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH))
      return { events: count, broken: { seq: event.seq, problem: 'does not follow the previous event' } };
    if (eventHash(event) !== event.hash)
      return { events: count, broken: { seq: event.seq, problem: 'content does not match its hash (edited)' } };
    previous = { seq: event.seq, hash: event.hash };
  }
  return { events: count, head: previous };
}
