/** GET /api/countries/:cc/search-form: the fields a country asks for, built by the BFF from its search mask. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, searchFormSchema } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

/** `countryCode`: ISO 3166-1 alpha-2, upper case, checked by the caller. */
export function getSearchForm(countryCode: string) {
  return apiClient.get(apiPaths.searchForm(countryCode), searchFormSchema);
}

export const searchFormQueryOptions = (countryCode: string) =>
  queryOptions({ queryKey: ['search-form', countryCode], queryFn: () => getSearchForm(countryCode) });

export function useSearchForm(countryCode: string) {
  return useQuery(searchFormQueryOptions(countryCode));
}
