import { formatCountdown } from './components/session-warning-dialog';
import { lifetimeState, WARNING_MS } from './session-lifetime';

const MINUTE = 60_000;
const start = Date.UTC(2026, 0, 5, 9, 0);

describe('lifetimeState', () => {
  const deadlines = { lastActivity: start, idleMs: 30 * MINUTE, maxEndsAt: start + 12 * 60 * MINUTE };

  it('warns two minutes before the idle end, and is over at it', () => {
    expect(lifetimeState(deadlines, start + 28 * MINUTE - 1)).toEqual({ phase: 'active' });
    expect(lifetimeState(deadlines, start + 28 * MINUTE)).toEqual({
      phase: 'warning',
      endsAt: start + 30 * MINUTE,
      cause: 'idle',
    });
    expect(lifetimeState(deadlines, start + 30 * MINUTE)).toEqual({ phase: 'over', cause: 'idle' });
  });

  it('ends at the absolute lifetime when it comes before the idle end', () => {
    const late = { ...deadlines, lastActivity: deadlines.maxEndsAt - 5 * MINUTE };
    expect(lifetimeState(late, deadlines.maxEndsAt - WARNING_MS)).toEqual({
      phase: 'warning',
      endsAt: deadlines.maxEndsAt,
      cause: 'max',
    });
    expect(lifetimeState(late, deadlines.maxEndsAt)).toEqual({ phase: 'over', cause: 'max' });
  });

  it('warns at half the idle time when that is shorter than two minutes', () => {
    const short = { ...deadlines, idleMs: 1 * MINUTE };
    expect(lifetimeState(short, start + 29_999)).toEqual({ phase: 'active' });
    expect(lifetimeState(short, start + 30_000)).toMatchObject({ phase: 'warning', cause: 'idle' });
  });
});

describe('formatCountdown', () => {
  it('says minutes and seconds, or seconds alone', () => {
    expect(formatCountdown(125)).toBe('2\u00a0min\u00a005\u00a0s');
    expect(formatCountdown(60)).toBe('1\u00a0min\u00a000\u00a0s');
    expect(formatCountdown(9)).toBe('9\u00a0s');
  });
});
