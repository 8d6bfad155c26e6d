/**
 * MSW handlers of the BFF API for the SPA's unit tests. The session is built from a PSC persona with the real
 * access rules (evaluateAccess), so client tests see exactly what the BFF would answer for that persona.
 */
import { http, HttpResponse } from 'msw';
import {
  apiPaths,
  authPaths,
  chooseSituationRequestSchema,
  evaluateAccess,
  sessionLifetime,
  sessionView,
  type SessionResponse,
} from '@sesali/shared';
import { findPersona } from '../psc/personas';
import { apiError } from './api-error';
import { searchHandlers, type SearchHandlersOptions } from './search';
import { summaryHandlers } from './summary';
import { historyHandlers } from './history';

export { apiError } from './api-error';
export { searchHandlers, mockCandidates, mockCountries, mockSearchForms, type SearchHandlersOptions } from './search';
export { summaryHandlers, summaryRefs, sampleSummaryResponse, type SummaryHandlersOptions } from './summary';
export { summarySample } from './summary-sample';
export { historyHandlers, historySample } from './history';

/** The BFF's defaults: a session ends after 30 idle minutes, or 12 hours after login. */
const IDLE_TIMEOUT_SECONDS = 30 * 60;
const MAX_LIFETIME_MS = 12 * 3600 * 1000;

/** The session as answered now: the seconds left before its absolute end count down, as the BFF's do. */
const answeredNow = (session: SessionResponse): SessionResponse => ({
  ...session,
  lifetime: sessionLifetime(session.lifetime.idleTimeoutSeconds, Date.parse(session.lifetime.expiresAt), Date.now()),
});

/** A session logged in now; change its `lifetime` (sessionLifetime) for a shorter one. */
export function sessionFromPersona(personaId: string, situationId?: string): SessionResponse {
  const persona = findPersona(personaId);
  if (!persona) throw new Error(`unknown persona ${personaId}`);
  const access = evaluateAccess(persona.claims);
  const claims = persona.claims as { given_name: string; family_name: string; authMode: string };
  // As the BFF's login does: the only qualifying situation is chosen at once.
  const chosen = situationId ?? (access.situations.length === 1 ? access.situations[0]?.id : undefined);
  return sessionView(
    { givenName: claims.given_name, familyName: claims.family_name, authMode: claims.authMode },
    access,
    chosen ?? null,
    sessionLifetime(IDLE_TIMEOUT_SECONDS, Date.now() + MAX_LIFETIME_MS, Date.now()),
  );
}

/**
 * A BFF whose session is `initial` (null: nobody logged in). Situation choice and logout behave as the BFF's;
 * countries and patient search are searchHandlers' (`search` tunes them), the Patient Summary summaryHandlers',
 * all seeing the session as it changes.
 */
export function bffHandlers(initial: SessionResponse | null, search: Omit<SearchHandlersOptions, 'session'> = {}) {
  let session = initial;
  return [
    ...searchHandlers({ ...search, session: () => session }),
    ...summaryHandlers({ session: () => session }),
    ...historyHandlers({ session: () => session }),
    http.get(apiPaths.session, () =>
      session ? HttpResponse.json(answeredNow(session)) : apiError('not_authenticated'),
    ),
    http.post(apiPaths.sessionSituation, async ({ request }) => {
      if (!session) return apiError('not_authenticated');
      if (session.access.decision !== 'allow') return apiError('access_denied', session.access.reason);
      const body = chooseSituationRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return apiError('invalid_request');
      const situation = session.situations.find((s) => s.id === body.data.situationId);
      if (!situation) return apiError('situation_unknown');
      session = { ...session, situation };
      return HttpResponse.json(answeredNow(session));
    }),
    http.post(authPaths.logout, () => {
      session = null;
      return HttpResponse.json({ redirectUrl: '/' });
    }),
  ];
}
