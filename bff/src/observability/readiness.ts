/**
 * Readiness (`GET /readyz`): whether this instance can serve, checked on each call — the session store, the
 * audit store and the contact point, concurrently, each within its own time bound; calls made meanwhile share
 * the answer. The answer names each check `ok` or `unavailable`, nothing more; the cause goes to the log, once
 * when a check starts failing and once when it recovers.
 */
import type session from 'express-session';
import type { Logger } from 'pino';
import type { AuditStore } from '../audit/audit-store';
import type { ContactPointClient } from '../contact-point/client';

export const READINESS_TIMEOUT_MS = 2000;

export type CheckResult = 'ok' | 'unavailable';

export interface ReadinessReport<Name extends string = string> {
  status: 'ready' | 'unavailable';
  checks: Record<Name, CheckResult>;
}

class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CheckTimeout';
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A session id no session can have (theirs are 32 characters of base64url): reading it is a trivial query. */
const PROBE_SID = 'readiness-probe';

/** The session store answers a read (SQLite: one SELECT; Redis: one GET, as cheap as a PING). */
export function sessionStoreAnswers(store: session.Store): Promise<void> {
  return new Promise((resolve, reject) => {
    store.get(PROBE_SID, (error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('session store failure'));
      else resolve();
    });
  });
}

export function createReadiness<Name extends string>(
  checks: Record<Name, () => Promise<void>>,
  logger: Pick<Logger, 'warn' | 'info'>,
  timeoutMs = READINESS_TIMEOUT_MS,
) {
  const failing = new Set<Name>();
  const names = Object.keys(checks) as Name[];

  async function run(name: Name): Promise<CheckResult> {
    try {
      // A check that throws synchronously fails like one that rejects.
      await within(Promise.resolve().then(checks[name]), timeoutMs);
      if (failing.delete(name)) logger.info({ event: 'readiness_check_recovered', check: name }, 'check recovered');
      return 'ok';
    } catch (error) {
      if (!failing.has(name)) {
        failing.add(name);
        logger.warn(
          {
            event: 'readiness_check_failed',
            check: name,
            err: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          },
          'readiness check failed',
        );
      }
      return 'unavailable';
    }
  }

  async function runAll(): Promise<ReadinessReport<Name>> {
    const results = await Promise.all(names.map(async (name) => [name, await run(name)] as const));
    const checksOut = Object.fromEntries(results) as Record<Name, CheckResult>;
    return { status: results.every(([, result]) => result === 'ok') ? 'ready' : 'unavailable', checks: checksOut };
  }

  // Calls arriving while the checks run share their answer: a burst of probes makes one call to each dependency.
  let running: Promise<ReadinessReport<Name>> | undefined;
  return (): Promise<ReadinessReport<Name>> =>
    (running ??= runAll().finally(() => {
      running = undefined;
    }));
}

/** The BFF's readiness: its session store, its audit store, and the contact point. */
export function bffReadiness(
  deps: { sessionStore: session.Store; auditStore: AuditStore; contactPoint: ContactPointClient; logger: Logger },
  timeoutMs = READINESS_TIMEOUT_MS,
) {
  return createReadiness(
    {
      sessionStore: () => sessionStoreAnswers(deps.sessionStore),
      auditStore: () => deps.auditStore.ping(),
      contactPoint: () => deps.contactPoint.ping(timeoutMs),
    },
    deps.logger,
    timeoutMs,
  );
}
