/** GET and POST /api/patients/:ref/consent: what the consent step needs, and the attestation. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPaths, consentContextSchema, recordedConsentSchema, type ConsentRequest } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

export const consentQueryOptions = (ref: string) =>
  queryOptions({
    queryKey: ['patient', ref, 'consent'],
    queryFn: () => apiClient.get(apiPaths.consent(ref), consentContextSchema),
  });

export function useConsentContext(ref: string) {
  return useQuery(consentQueryOptions(ref));
}

export function useRecordConsent(ref: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ConsentRequest) => apiClient.post(apiPaths.consent(ref), recordedConsentSchema, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patient', ref] }),
  });
}
