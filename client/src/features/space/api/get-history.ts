/** GET /api/me/history?page=N: the professional's own consultations, newest first. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, historyResponseSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

export const historyQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ['history', page],
    queryFn: () => apiClient.get(`${apiPaths.history}?page=${page}`, historyResponseSchema),
    placeholderData: keepPreviousData,
  });

export function useHistory(page: number) {
  return useQuery(historyQueryOptions(page));
}
