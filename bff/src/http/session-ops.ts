/** express-session's callback methods as promises. */
import type { Request } from 'express';

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
