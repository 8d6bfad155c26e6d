/** GET /api/notices/:lang: the Patient Information Notice (public). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, noticeSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

export const noticeQueryOptions = (lang: string) =>
  queryOptions({
    queryKey: ['notice', lang],
    queryFn: () => apiClient.get(apiPaths.notice(lang), noticeSchema),
    staleTime: Infinity,
  });

export function useNotice(lang: string) {
  return useQuery(noticeQueryOptions(lang));
}
