/** `/`: the home page with the countries section; composed here because features do not import each other. */
import { CountriesOverview } from '@/features/countries/components/countries-overview';
import { HomePage } from '@/features/home/components/home-page';

export function HomeRoute() {
  return <HomePage countries={<CountriesOverview />} />;
}
