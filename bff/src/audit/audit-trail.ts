/**
 * The audit trail as the services use it: record an event (committed before the call returns), fail closed
 * when the store cannot write (`audit_unavailable`: the caller sends nothing), and designate patients without
 * personal data — a keyed HMAC of the national identifier, initials and birth year. The chain head is written
 * to the log every CHAIN_HEAD_EVERY events, so a copy of it lives outside the database. Each append is timed
 * for the metrics (`onWrite`).
 */
import { createHmac } from 'node:crypto';
import type { PatientDemographics, PatientId } from '@sesali/shared';
import type { Logger } from 'pino';
import type { SessionUser } from '../auth/session-data';
import { DomainError } from '../errors/domain-error';
import type { AuditStore } from './audit-store';
import type { AuditActor, AuditEvent, AuditEventInput, AuditValue } from './events';

const CHAIN_HEAD_EVERY = 100;

/** Who made a request, for the events it leaves. */
export interface RequestContext {
  user: SessionUser;
  requestId: string;
}

export function actorOf(user: SessionUser): AuditActor {
  const situation = user.access.situations.find((s) => s.id === user.situationId);
  return {
    sub: user.sub,
    professionalId: user.rpps,
    profession: situation?.professionLabel ?? user.access.situations[0]?.professionLabel ?? null,
    situation: situation?.organisation ?? null,
  };
}

/** One append to the store, as reported to `onWrite` (the metrics). */
export interface AuditWrite {
  store: AuditStore['kind'];
  outcome: 'ok' | 'error';
  seconds: number;
}

export function createAuditTrail(deps: {
  store: AuditStore;
  hmacKey: string;
  logger: Pick<Logger, 'info' | 'error'>;
  onWrite?: (write: AuditWrite) => void;
}) {
  let sinceHead = 0;
  const keyed = (value: string) => createHmac('sha256', deps.hmacKey).update(value).digest('hex').slice(0, 32);
  const written = (started: number, outcome: AuditWrite['outcome']) =>
    deps.onWrite?.({ store: deps.store.kind, outcome, seconds: (performance.now() - started) / 1000 });

  async function record(input: AuditEventInput): Promise<AuditEvent> {
    let event: AuditEvent;
    const started = performance.now();
    try {
      event = await deps.store.append(input);
    } catch (error) {
      written(started, 'error');
      deps.logger.error(
        {
          event: 'audit_write_failed',
          action: input.action,
          err: error instanceof Error ? error.message : String(error),
        },
        'audit event could not be written',
      );
      throw new DomainError('audit_unavailable', { detail: `audit store: ${input.action}`, cause: error });
    }
    written(started, 'ok');
    if (++sinceHead >= CHAIN_HEAD_EVERY || event.seq === 1) {
      sinceHead = 0;
      deps.logger.info({ event: 'audit_chain_head', seq: event.seq, hash: event.hash }, 'audit chain head');
    }
    return event;
  }

  return {
    record,

    /** For events whose failure must not stop what they describe (a refused or failed login): logged instead. */
    async recordOrLog(input: AuditEventInput): Promise<void> {
      await record(input).catch(() => undefined);
    },

    /** A national identifier as a keyed hash: the same patient gives the same reference, nobody can reverse it. */
    identifierHash: (id: PatientId): string => keyed(`${id.root}|${id.extension}`),

    /** How a patient is designated in events: keyed reference, country, initials and birth year. */
    patientFields(countryCode: string, demographics: PatientDemographics): Record<string, AuditValue> {
      const initial = (name: string | undefined) =>
        (name ?? '')
          .split(/[\s-]+/)
          .filter(Boolean)
          .map((part) => `${part.charAt(0).toLocaleUpperCase('fr-FR')}.`)
          .join('');
      const id = demographics.patientId[0];
      return {
        country: countryCode,
        patientRef: id ? keyed(`${id.root}|${id.extension}`) : null,
        patientInitials: `${initial(demographics.givenName)} ${initial(demographics.familyName)}`.trim() || null,
        patientBirthYear: demographics.birthDate?.slice(0, 4) ?? null,
      };
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
