/** GET /api/countries (public): the member states France reads summaries from, and those announced. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths, publicCountriesResponseSchema, type PublicCountries } from '@sesali/shared';
import { apiClient } from '@/lib/api-client';

export type PublicCountry = PublicCountries['countries'][number];

export async function getCountries(): Promise<PublicCountry[]> {
  const { countries } = await apiClient.get(apiPaths.countries, publicCountriesResponseSchema);
  return [...countries].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export const countriesQueryOptions = () => queryOptions({ queryKey: ['countries'], queryFn: getCountries });

export function useCountries() {
  return useQuery(countriesQueryOptions());
}
