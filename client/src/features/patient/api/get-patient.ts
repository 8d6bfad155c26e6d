/**
 * GET /api/patients/:ref: a candidate found earlier in this session. The `ref` is the BFF's opaque handle on
 * the patient's national identifier, which never reaches the SPA's URLs.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, patientCandidateSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

/** `ref` matches patientCandidateSchema's (checked by the page), so it is safe in a path. */
export function getPatient(ref: string) {
  return apiClient.get(apiPaths.patient(ref), patientCandidateSchema);
}

export const patientQueryOptions = (ref: string) =>
  queryOptions({ queryKey: ['patient', ref], queryFn: () => getPatient(ref) });

export function usePatient(ref: string) {
  return useQuery(patientQueryOptions(ref));
}
