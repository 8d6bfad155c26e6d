/**
 * The session's lifetime in the SPA. The BFF ends a session unused for a while (each of its answers starts
 * that time again) and, whatever its use, some hours after login; GET /api/session says both (`lifetime`).
 *
 * The SPA keeps absolute deadlines (Date.now()), checked every second and again when the tab becomes visible,
 * so a laptop woken from sleep or a throttled background tab still ends on time. It warns two minutes before
 * the end; at the end, or when the BFF answers 401 to a session the SPA knew, it forgets every answer it holds
 * (queryClient.clear(): no patient data stays in memory) and says the session expired.
 *
 * The tabs of a browser share one session: they tell each other of each answer of the BFF, and of a logout or
 * a 401 (BroadcastChannel: timestamps only, nothing stored). Such an end makes the other tabs ask the BFF
 * whether the session still lives, rather than believe it.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import type { SessionLifetime } from '@sesali/shared';
import { onApiActivity } from '@/lib/api-client';
import { sessionQueryOptions, useSession } from './api/get-session';

/** The warning comes this long before the end (at most half the idle time). */
export const WARNING_MS = 2 * 60 * 1000;
const CHECK_EVERY_MS = 1000;
const CHANNEL = 'sesali-session';

/** Why the session ends: unused (`idle`), or at its absolute lifetime (`max`, it cannot be extended). */
export type EndCause = 'idle' | 'max';

export interface SessionDeadlines {
  /** Date.now() of the BFF's last answer. */
  lastActivity: number;
  idleMs: number;
  /** Date.now() at which the session ends whatever its use. */
  maxEndsAt: number;
}

export type LifetimeState =
  { phase: 'active' } | { phase: 'warning'; endsAt: number; cause: EndCause } | { phase: 'over'; cause: EndCause };

export function lifetimeState(deadlines: SessionDeadlines, now: number): LifetimeState {
  const idleEndsAt = deadlines.lastActivity + deadlines.idleMs;
  const cause: EndCause = deadlines.maxEndsAt <= idleEndsAt ? 'max' : 'idle';
  const endsAt = Math.min(idleEndsAt, deadlines.maxEndsAt);
  if (now >= endsAt) return { phase: 'over', cause };
  if (now >= endsAt - Math.min(WARNING_MS, deadlines.idleMs / 2)) return { phase: 'warning', endsAt, cause };
  return { phase: 'active' };
}

/** What the page shows of the session's lifetime. `ended`: the BFF said the session was gone (a 401, a logout). */
export type SessionWatch =
  | { phase: 'none' }
  | { phase: 'warning'; endsAt: number; cause: EndCause }
  | { phase: 'expired'; cause: EndCause | 'ended'; locationKey: string };

type TabMessage = { type: 'activity'; at: number } | { type: 'ended' };

const logoutListeners = new Set<() => void>();

/** The professional logs out: the watcher stops (nothing to warn of while leaving), the other tabs check. */
export function sessionLoggedOut(): void {
  logoutListeners.forEach((listener) => listener());
}

interface WatcherOptions {
  onChange: (watch: SessionWatch) => void;
  /** Forgets every answer of the BFF. */
  onEnd: () => void;
  /** Asks the BFF for the session (a 401 then ends it here). */
  verify: () => void;
}

/** The watcher without React: the hook below feeds it the session, the location, and starts it. */
export function createSessionWatcher({ onChange, onEnd, verify }: WatcherOptions) {
  let deadlines: SessionDeadlines | null = null;
  let endedAt = 0;
  let locationKey = '';
  let current: SessionWatch = { phase: 'none' };
  let channel: BroadcastChannel | null = null;

  const show = (next: SessionWatch) => {
    const same =
      next.phase === current.phase &&
      (next.phase !== 'warning' ||
        (current.phase === 'warning' && next.endsAt === current.endsAt && next.cause === current.cause));
    if (same && next.phase !== 'expired') return;
    current = next;
    onChange(next);
  };
  const end = (cause: EndCause | 'ended') => {
    if (!deadlines) return;
    deadlines = null;
    endedAt = Date.now();
    onEnd();
    show({ phase: 'expired', cause, locationKey });
  };
  const check = () => {
    if (!deadlines) return;
    const state = lifetimeState(deadlines, Date.now());
    if (state.phase === 'over') end(state.cause);
    else show(state.phase === 'warning' ? state : { phase: 'none' });
  };
  const activity = (at: number) => {
    if (!deadlines || at <= deadlines.lastActivity) return;
    deadlines.lastActivity = at;
    check();
  };
  const tell = (message: TabMessage) => channel?.postMessage(message);

  return {
    /** The session as the BFF answered it at `receivedAt`. */
    session(lifetime: SessionLifetime, receivedAt: number) {
      if (receivedAt <= endedAt) return;
      deadlines = {
        lastActivity: Math.max(deadlines?.lastActivity ?? 0, receivedAt),
        idleMs: lifetime.idleTimeoutSeconds * 1000,
        maxEndsAt: receivedAt + lifetime.expiresInSeconds * 1000,
      };
      check();
    },
    /** Where the page is: the expired page shows until the professional goes elsewhere. */
    at(key: string) {
      locationKey = key;
    },
    start(): () => void {
      channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
      const ownChannel = channel;
      if (ownChannel) {
        ownChannel.onmessage = (event: MessageEvent<Partial<TabMessage> | null>) => {
          const message = event.data;
          if (message?.type === 'activity' && typeof message.at === 'number')
            activity(Math.min(message.at, Date.now()));
          else if (message?.type === 'ended' && deadlines) verify();
        };
      }
      const stopApi = onApiActivity((kind) => {
        if (kind === 'answered') {
          const at = Date.now();
          activity(at);
          tell({ type: 'activity', at });
        } else if (deadlines) {
          end('ended');
          tell({ type: 'ended' });
        }
      });
      const loggedOut = () => {
        deadlines = null;
        endedAt = Date.now();
        show({ phase: 'none' });
        tell({ type: 'ended' });
      };
      logoutListeners.add(loggedOut);
      const timer = setInterval(check, CHECK_EVERY_MS);
      const onVisibility = () => {
        if (document.visibilityState === 'visible') check();
      };
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        stopApi();
        logoutListeners.delete(loggedOut);
        clearInterval(timer);
        document.removeEventListener('visibilitychange', onVisibility);
        ownChannel?.close();
        if (channel === ownChannel) channel = null;
      };
    },
  };
}

/** The session's lifetime as the page shows it: nothing, the warning, or the expired page. */
export function useSessionLifetime(): SessionWatch {
  const queryClient = useQueryClient();
  const session = useSession();
  const { key } = useLocation();
  const [watch, setWatch] = useState<SessionWatch>({ phase: 'none' });
  const [watcher] = useState(() =>
    createSessionWatcher({
      onChange: setWatch,
      onEnd: () => {
        queryClient.clear();
        // Nobody is logged in any more: the header offers the login at once, without asking the BFF.
        queryClient.setQueryData(sessionQueryOptions().queryKey, null);
      },
      verify: () => {
        queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 }).catch(() => undefined);
      },
    }),
  );
  useEffect(() => watcher.start(), [watcher]);
  useEffect(() => watcher.at(key), [watcher, key]);
  const lifetime = session.data?.lifetime;
  const receivedAt = session.dataUpdatedAt;
  useEffect(() => {
    if (lifetime) watcher.session(lifetime, receivedAt);
  }, [watcher, lifetime, receivedAt]);
  return watch.phase === 'expired' && watch.locationKey !== key ? { phase: 'none' } : watch;
}
