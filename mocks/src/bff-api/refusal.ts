/** The BFF's guards of a logged-in route: logged in, allowed, a situation d'exercice chosen. */
import type { SessionResponse } from '@sesali/shared';
import { apiError } from './api-error';

export function refusal(session: SessionResponse | null) {
  if (!session) return apiError('not_authenticated');
  if (session.access.decision !== 'allow') return apiError('access_denied', session.access.reason);
  if (!session.situation) return apiError('situation_required');
  return undefined;
}
