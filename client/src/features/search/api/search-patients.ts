/**
 * POST /api/patients/search. A mutation and not a query on purpose: the values are a patient's national
 * identifiers, which must never become a cache key (nor reach the URL or web storage). `gcTime: 0` also drops
 * them from the mutation cache as soon as no page watches the result.
 */
import { useMutation } from '@tanstack/react-query';
import { apiPaths, patientSearchResponseSchema, type PatientSearchRequest } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

export function searchPatients(request: PatientSearchRequest) {
  return apiClient.post(apiPaths.patientSearch, patientSearchResponseSchema, request);
}

export function useSearchPatients() {
  return useMutation({ mutationFn: searchPatients, gcTime: 0 });
}
