import { DocumentError } from './errors';
import { createTurns, inTurn } from './turns';

/** A queue on a clock the jobs move forward: each job says how long it "took". */
function clockedTurns(budgetMs: number) {
  let clock = 0;
  const turns = createTurns({ budgetMs, now: () => clock });
  const order: string[] = [];
  const job = (name: string, tookMs: number, during?: () => void) =>
    turns(() => {
      order.push(name);
      during?.();
      clock += tookMs;
      return name;
    });
  return { job, order };
}

/** Something the event loop does between two turns: an immediate queued while a job runs. */
const loopWork = (order: string[], name: string) => () => setImmediate(() => order.push(name));

describe('jobs read in turns of the event loop', () => {
  it('runs the jobs in the order they were asked for, each resolving with its own result', async () => {
    const { job, order } = clockedTurns(5);
    const results = await Promise.all([job('a', 1), job('b', 1), job('c', 1)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('rejects with what a job threw, and goes on with the next ones', async () => {
    const failure = new DocumentError('document_unreadable', 'not XML');
    const turns = createTurns({ budgetMs: 5 });
    const failed = turns(() => {
      throw failure;
    });
    const next = turns(() => 'next');
    await expect(failed).rejects.toBe(failure);
    await expect(next).resolves.toBe('next');
  });

  it('lets the loop go round once a turn has spent its budget', async () => {
    const { job, order } = clockedTurns(5);
    // a (3 ms) leaves budget, b (3 ms) spends it: the loop's own work comes before c.
    await Promise.all([job('a', 3, loopWork(order, 'loop')), job('b', 3), job('c', 1)]);
    expect(order).toEqual(['a', 'b', 'loop', 'c']);
  });

  it('gives a long job a turn of its own', async () => {
    const { job, order } = clockedTurns(5);
    await Promise.all([job('long', 20, loopWork(order, 'loop 1')), job('next', 20, loopWork(order, 'loop 2'))]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['long', 'loop 1', 'next', 'loop 2']);
  });

  it('starts again after the queue emptied', async () => {
    await expect(inTurn(() => 1)).resolves.toBe(1);
    await expect(inTurn(() => 2)).resolves.toBe(2);
  });
});
