/**
 * Reading retrieved documents (parse, translate: about 4 ms of CPU for a summary) a few at a time per turn of
 * the event loop, in the order they were asked for.
 *
 * Why: libuv accepts one new connection per turn of the loop (libuv/libuv#3696). Documents that arrived
 * together used to be read in the same turn, so under load a turn lasted 50 to 130 ms, and a burst of new
 * connections (a load tool's, a proxy's after a restart) waited in the kernel's queue for up to 4 s before the
 * BFF even saw their requests (docs/performance.md). Here a turn reads documents until it has spent its budget,
 * then lets the loop go round: a connection is accepted, health checks are answered, other requests' I/O is
 * done. A budget, not one document a turn: one a turn took 10 to 20 % more CPU per summary (fewer events per
 * wake-up, one audit commit per summary instead of one per group).
 */

export interface TurnOptions {
  /** How long a turn may go on reading, in ms: the first job always runs, the next ones while time is left. */
  budgetMs: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

/** A queue of synchronous jobs, run in order, a budget's worth per turn of the event loop. */
export function createTurns({ budgetMs, now = () => performance.now() }: TurnOptions) {
  const waiting: (() => void)[] = [];
  let scheduled = false;

  function turn(): void {
    const started = now();
    do waiting.shift()?.();
    while (waiting.length > 0 && now() - started < budgetMs);
    // An immediate queued by an immediate runs in the next turn, after the loop has polled for I/O.
    if (waiting.length > 0) setImmediate(turn);
    else scheduled = false;
  }

  /** Runs `work` after the work asked for before it; resolves with its result or rejects with what it threw. */
  return function inTurn<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      if (!scheduled) {
        scheduled = true;
        setImmediate(turn);
      }
    });
  };
}

/** The BFF's document reads: 5 ms a turn, one or two summaries. */
export const inTurn = createTurns({ budgetMs: 5 });
