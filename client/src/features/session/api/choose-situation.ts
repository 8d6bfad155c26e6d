/** POST /api/session/situation: the professional picks the situation d'exercice used for this session. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths, sessionResponseSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';
import { sessionQueryOptions } from './get-session';

export function chooseSituation(situationId: string) {
  return apiClient.post(apiPaths.sessionSituation, sessionResponseSchema, { situationId });
}

export function useChooseSituation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chooseSituation,
    onSuccess: (session) => queryClient.setQueryData(sessionQueryOptions().queryKey, session),
  });
}
