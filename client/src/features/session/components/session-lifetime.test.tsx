import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { apiPaths, sessionLifetime, type SessionResponse } from '@sesali/shared';
import { apiError, bffHandlers, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

// Native ESM Jest has no global `jest`; Testing Library looks for one to advance fake timers while it waits.
const jestObject = (import.meta as unknown as { jest: typeof jest }).jest;
Object.assign(globalThis, { jest: jestObject });

const MINUTE = 60_000;

beforeEach(() => {
  // Promises, MSW and the tabs' messages keep running; the clock and the timers are the test's.
  jestObject.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
});
afterEach(() => {
  jestObject.useRealTimers();
});

/** Moves the clock on by `ms`, running the timers due meanwhile, then lets the promises they started settle. */
async function advance(ms: number): Promise<void> {
  act(() => {
    jestObject.advanceTimersByTime(ms);
  });
  await act(async () => {});
}

const user = () => userEvent.setup({ advanceTimers: (ms) => jestObject.advanceTimersByTime(ms) });

/** The app at `url` for a logged-in doctor, once every first answer has come (the idle time starts then). */
async function loggedIn(url: string, session: SessionResponse = sessionFromPersona('medecin-generaliste')) {
  server.use(...bffHandlers(session));
  const app = renderApp(url);
  await screen.findByTestId('professional');
  await advance(1000);
  return app;
}

/** Counts the calls to GET /api/session from now on (the BFF's handlers still answer them). */
function countSessionCalls(): { count: number } {
  const calls = { count: 0 };
  server.use(
    http.get(apiPaths.session, () => {
      calls.count += 1;
      return undefined;
    }),
  );
  return calls;
}

describe('the session’s lifetime', () => {
  it('warns two minutes before the idle end, in an alert dialog that takes the focus and keeps it', async () => {
    await loggedIn('/recherche');
    await advance(27 * MINUTE + 50_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(15_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Votre session va expirer' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/votre session se terminera pour inactivité dans 1\smin\s5\d\ss/);
    const stay = within(dialog).getByRole('button', { name: 'Rester connecté' });
    const leave = within(dialog).getByRole('button', { name: 'Se déconnecter' });
    expect(stay).toHaveFocus();

    await advance(30_000);
    expect(within(dialog).getByRole('timer')).toHaveTextContent(/^1 min 2\d s$/);

    const keyboard = user();
    await keyboard.tab();
    expect(leave).toHaveFocus();
    await keyboard.tab();
    expect(stay).toHaveFocus();
    await keyboard.tab({ shift: true });
    expect(leave).toHaveFocus();
  });

  it('stays connected: « Rester connecté » asks the BFF for the session, and the dialog closes', async () => {
    await loggedIn('/recherche');
    const filter = screen.getByRole('searchbox', { name: 'Filtrer les pays' });
    filter.focus();
    await advance(28 * MINUTE + 30_000);
    const calls = countSessionCalls();

    await user().click(screen.getByRole('button', { name: 'Rester connecté' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(calls.count).toBe(1);
    expect(filter).toHaveFocus();

    // The idle time starts again from that answer.
    await advance(27 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await advance(2 * MINUTE);
    expect(screen.getByRole('alertdialog', { name: 'Votre session va expirer' })).toBeInTheDocument();
  });

  it('counts any answer of the BFF as activity, and Escape as « Rester connecté »', async () => {
    await loggedIn('/recherche');
    await advance(28 * MINUTE + 30_000);
    const calls = countSessionCalls();
    await user().keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(calls.count).toBe(1);
  });

  it('at the end, forgets every answer of the BFF and says the session expired, with the login', async () => {
    const { queryClient } = await loggedIn('/espace');
    expect(await screen.findByRole('table', { name: /Consultations/ })).toBeInTheDocument();
    expect(queryClient.getQueryCache().find({ queryKey: ['history', 1] })?.state.data).toBeDefined();

    await advance(30 * MINUTE);
    const title = screen.getByRole('heading', { level: 1, name: 'Session expirée' });
    expect(title).toHaveFocus();
    expect(screen.getByText('Votre session a pris fin après une période d’inactivité.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // Nothing left but the session, now nobody's.
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => [query.queryKey, query.state.data]),
    ).toEqual([[['session'], null]]);
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
    expect(screen.queryByTestId('professional')).not.toBeInTheDocument();
    for (const link of screen.getAllByRole('link', { name: 'Se connecter avec Pro Santé Connect' }))
      expect(link).toHaveAttribute('href', '/auth/login');
  });

  it('ends the same way when any call of the BFF answers 401', async () => {
    server.use(...bffHandlers(sessionFromPersona('medecin-generaliste')));
    // A later use() takes precedence over the handlers above.
    server.use(http.get(apiPaths.history, () => apiError('not_authenticated')));
    const { queryClient } = renderApp('/espace');
    expect(await screen.findByRole('heading', { level: 1, name: 'Session expirée' })).toHaveFocus();
    expect(screen.getByText('Votre session a pris fin.')).toBeInTheDocument();
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .every((query) => query.state.data == null),
    ).toBe(true);
  });

  it('ends on time after the laptop slept: checked again when the tab shows', async () => {
    const { queryClient } = await loggedIn('/recherche');
    // Asleep: no timer ran, the clock went on.
    jestObject.setSystemTime(Date.now() + 45 * MINUTE);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Session expirée' })).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(queryClient.getQueryData(['countries'])).toBeUndefined();
  });

  it('leaves the expired page when the professional goes elsewhere', async () => {
    const { router } = await loggedIn('/recherche');
    await advance(30 * MINUTE);
    expect(screen.getByRole('heading', { level: 1, name: 'Session expirée' })).toBeInTheDocument();
    await act(() => router.navigate('/aide'));
    expect(screen.queryByRole('heading', { level: 1, name: 'Session expirée' })).not.toBeInTheDocument();
  });

  it('warns before the absolute end, which cannot be extended, then ends', async () => {
    const session = sessionFromPersona('medecin-generaliste');
    await loggedIn('/recherche', {
      ...session,
      lifetime: sessionLifetime(30 * 60, Date.now() + 10 * MINUTE, Date.now()),
    });
    await advance(8 * MINUTE);
    const dialog = screen.getByRole('alertdialog', { name: 'Votre session va se terminer' });
    expect(dialog).toHaveAccessibleDescription(/durée maximale et se terminera dans \d\smin\s\d+\ss/);
    expect(within(dialog).queryByRole('button', { name: 'Rester connecté' })).not.toBeInTheDocument();
    const again = within(dialog).getByRole('link', { name: 'Se reconnecter' });
    expect(again).toHaveAttribute('href', '/auth/login');
    expect(again).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Se déconnecter' })).toBeInTheDocument();

    await advance(2 * MINUTE);
    // From the dialog to the title of the page that replaces it.
    expect(screen.getByRole('heading', { level: 1, name: 'Session expirée' })).toHaveFocus();
    expect(screen.getByText('Votre session a atteint sa durée maximale.')).toBeInTheDocument();
  });

  it('shares the session with the other tabs: their activity, and an end they saw that the BFF confirms', async () => {
    const otherTab = new BroadcastChannel('sesali-session');
    const heard: unknown[] = [];
    otherTab.onmessage = (event: MessageEvent) => heard.push(event.data);
    try {
      await loggedIn('/recherche');
      // This tab tells the others of the BFF's answers (a time, nothing else).
      await waitFor(() => expect(heard).toContainEqual({ type: 'activity', at: expect.any(Number) }));

      await advance(28 * MINUTE + 30_000);
      expect(screen.getByRole('alertdialog')).toBeInTheDocument();
      otherTab.postMessage({ type: 'activity', at: Date.now() });
      await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());

      // An end another tab saw is checked with the BFF: here the session still lives.
      const calls = countSessionCalls();
      otherTab.postMessage({ type: 'ended' });
      await waitFor(() => expect(calls.count).toBe(1));
      await advance(1000);
      expect(screen.queryByRole('heading', { name: 'Session expirée' })).not.toBeInTheDocument();

      server.use(http.get(apiPaths.session, () => apiError('not_authenticated')));
      otherTab.postMessage({ type: 'ended' });
      expect(await screen.findByRole('heading', { level: 1, name: 'Session expirée' })).toBeInTheDocument();
    } finally {
      otherTab.close();
    }
  });

  it('does nothing for a visitor', async () => {
    server.use(...bffHandlers(null));
    renderApp('/');
    await screen.findAllByRole('link', { name: 'Se connecter avec Pro Santé Connect' });
    await advance(60 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Session expirée' })).not.toBeInTheDocument();
  });
});

describe('activity', () => {
  it('is any answer of the BFF to the SPA’s client, whatever asked for it', async () => {
    await loggedIn('/espace');
    expect(await screen.findByRole('table', { name: /Consultations 1 à 20/ })).toBeInTheDocument();
    await advance(20 * MINUTE);
    const calls = countSessionCalls();
    // The next page of the history: the session itself is not asked again.
    await user().click(screen.getByRole('link', { name: 'Page suivante' }));
    expect(await screen.findByRole('table', { name: /Consultations 21 à 23/ })).toBeInTheDocument();
    expect(calls.count).toBe(0);

    await advance(9 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await advance(19.5 * MINUTE);
    expect(screen.getByRole('alertdialog', { name: 'Votre session va expirer' })).toBeInTheDocument();
  });
});
