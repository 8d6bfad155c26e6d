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
    http.get(apiPaths.session, () => (session ? HttpResponse.json(session) : apiError('not_authenticated'))),
    http.post(apiPaths.sessionSituation, async ({ request }) => {
      if (!session) return apiError('not_authenticated');
      if (session.access.decision !== 'allow') return apiError('access_denied', session.access.reason);
      const body = chooseSituationRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!body.success) return apiError('invalid_request');
      const situation = session.situations.find((s) => s.id === body.data.situationId);
      if (!situation) return apiError('situation_unknown');
      session = { ...session, situation };
      return HttpResponse.json(session);
    }),
    http.post(authPaths.logout, () => {
      session = null;
      return HttpResponse.json({ redirectUrl: '/' });
    }),
  ];
}
