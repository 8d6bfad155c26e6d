/** express-session's callback methods as promises. */
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

type SessionMethod = 'save' | 'regenerate' | 'destroy';

function call(req: Request, method: SessionMethod): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session[method]((error: unknown) =>
      error ? reject(error instanceof Error ? error : new Error('session store failure', { cause: error })) : resolve(),
    );
  });
}

export const saveSession = (req: Request) => call(req, 'save');
export const regenerateSession = (req: Request) => call(req, 'regenerate');
export const destroySession = (req: Request) => call(req, 'destroy');

/**
 * The stored session, reloaded into the request. When it is gone — the professional logged out, or it expired,
 * while this request was running — the request ends as unauthenticated (401), not as a server error.
 */
function reloadSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.sessionStore.get(req.sessionID, (error, stored) => {
      if (error) return reject(error instanceof Error ? error : new Error('session store failure', { cause: error }));
      if (!stored?.user)
        return reject(new DomainError('not_authenticated', { detail: 'session ended during the request' }));
      req.sessionStore.createSession(req, stored);
      resolve();
    });
  });
}
const sessionLocks = new Map<string, Promise<void>>();

/**
 * Changes the session as one step against concurrent requests of the same session (two tabs searching at
 * once): within this process, changes of one session run one after the other, each on the stored state
 * reloaded, saved before the next. Across several BFF instances a narrow window remains (docs/decisions/004).
 */
export async function updateSession<T>(req: Request, change: () => T): Promise<T> {
  const id = req.sessionID;
  const previous = sessionLocks.get(id) ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  sessionLocks.set(id, tail);
  await previous;
  try {
    await reloadSession(req);
    const result = change();
    await saveSession(req);
    return result;
  } finally {
    release();
    if (sessionLocks.get(id) === tail) sessionLocks.delete(id);
  }
}
