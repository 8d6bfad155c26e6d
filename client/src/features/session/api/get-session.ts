/** GET /api/session: who is logged in. A 401 is an answer ("nobody"), not an error. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, sessionResponseSchema, type SessionResponse } from '@sesali/shared';
import { ApiClientError, apiClient } from '@/lib/api-client';

export async function getSession(): Promise<SessionResponse | null> {
  try {
    return await apiClient.get(apiPaths.session, sessionResponseSchema);
  } catch (error) {
    if (error instanceof ApiClientError && error.code === 'not_authenticated') return null;
    throw error;
  }
}

export const sessionQueryOptions = () => queryOptions({ queryKey: ['session'], queryFn: getSession });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
