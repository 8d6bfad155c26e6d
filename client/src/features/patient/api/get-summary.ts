/**
 * GET /api/patients/:ref/summary: the patient's Patient Summary, retrieved from their country and translated
 * into French by the BFF, once consent is recorded. Each call is a cross-border request, asserted and audited:
 * a summary read stays read for the page's life, and a failure is shown, not retried behind the professional's
 * back.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, summaryResponseSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

/** `ref` matches patientCandidateSchema's (checked by the page), so it is safe in a path. */
export function getSummary(ref: string) {
  return apiClient.get(apiPaths.summary(ref), summaryResponseSchema);
}

export const summaryQueryOptions = (ref: string) =>
  queryOptions({
    queryKey: ['patient', ref, 'summary'],
    queryFn: () => getSummary(ref),
    staleTime: Infinity,
    retry: false,
  });

export function useSummary(ref: string) {
  return useQuery(summaryQueryOptions(ref));
}
