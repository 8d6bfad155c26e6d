/**
 * Home page section, before and after login: whose patients can be looked up today, and which countries are
 * announced. A live country whose mask is down for now still belongs to the first list, marked as such.
 */
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useCountries } from '../api/get-countries';

export function CountriesOverview() {
  const countries = useCountries();
  const available = countries.data?.filter((c) => c.status !== 'planned') ?? [];
  const planned = countries.data?.filter((c) => c.status === 'planned') ?? [];

  return (
    <section aria-labelledby="pays-eligibles" className={fr.cx('fr-mt-6w')}>
      <h2 id="pays-eligibles">Pays dont les patients peuvent être pris en charge</h2>
      {countries.isPending ? (
        <p>Chargement…</p>
      ) : countries.isError ? (
        <Alert
          severity="error"
          small
          description={`La liste des pays n’a pas pu être chargée. ${countries.error.message}`}
        />
      ) : (
        <>
          <ul className={fr.cx('fr-tags-group')} data-testid="live-countries">
            {available.map((country) => (
              <li key={country.code}>
                <span className={fr.cx('fr-tag')}>{country.name}</span>
                {country.status === 'unavailable' ? (
                  <Badge as="span" severity="warning" small noIcon className={fr.cx('fr-ml-1v', 'fr-mr-2w')}>
                    temporairement indisponible
                  </Badge>
                ) : null}
              </li>
            ))}
          </ul>
          {planned.length > 0 ? (
            <>
              <h3 className={fr.cx('fr-h6', 'fr-mt-3w')}>Bientôt disponibles</h3>
              <ul className={fr.cx('fr-tags-group')} data-testid="planned-countries">
                {planned.map((country) => (
                  <li key={country.code}>
                    <span className={fr.cx('fr-tag')}>{country.name}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
