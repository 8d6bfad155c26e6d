/** GET /api/notices and /api/notices/:lang: the Patient Information Notice (public). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, noticeListSchema, noticeSchema } from '@sesali/shared';
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

export const noticeListQueryOptions = () =>
  queryOptions({
    queryKey: ['notices'],
    queryFn: () => apiClient.get(apiPaths.notices, noticeListSchema),
    staleTime: Infinity,
  });

export function useNoticeList() {
  return useQuery(noticeListQueryOptions());
}
