/**
 * `/recherche`: the first step of a search, choosing the patient's country. Only live countries lead to their
 * search form (`/recherche/pt`); announced ones and those whose mask is down for now are shown, not selectable,
 * so the professional learns at once that the patient cannot be looked up today.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useCountries, type PublicCountry } from '../api/get-countries';
import { countryNameMatches } from './country-name-filter';

export function CountryPickerPage() {
  const countries = useCountries();
  const [filter, setFilter] = useState('');
  const shown = countries.data?.filter((country) => countryNameMatches(country.name, filter)) ?? [];

  return (
    <>
      <h1>Rechercher un patient</h1>
      <p>
        Choisissez le pays du patient : celui où il est affilié à l’assurance maladie et où sa synthèse est enregistrée.
      </p>
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
          <Input
            label="Filtrer les pays"
            className={fr.cx('fr-col-12', 'fr-col-md-6')}
            nativeInputProps={{ type: 'search', value: filter, onChange: (event) => setFilter(event.target.value) }}
          />
          <p role="status" className={fr.cx('fr-text--sm')}>
            {shown.length === 0
              ? filter.trim() === ''
                ? 'Aucun pays n’est proposé pour le moment.'
                : `Aucun pays ne correspond à « ${filter.trim()} ».`
              : `${shown.length} pays ${shown.length > 1 ? 'correspondent' : 'correspond'}.`}
          </p>
          <ul className={fr.cx('fr-raw-list', 'fr-grid-row', 'fr-grid-row--gutters')} data-testid="country-list">
            {shown.map((country) => (
              <li key={country.code} className={fr.cx('fr-col-12', 'fr-col-sm-6', 'fr-col-md-4')}>
                <CountryTile country={country} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function CountryTile({ country }: { country: PublicCountry }) {
  if (country.status === 'live') {
    return (
      <div className={fr.cx('fr-tile', 'fr-tile--sm', 'fr-tile--horizontal', 'fr-enlarge-link')}>
        <div className={fr.cx('fr-tile__body')}>
          <div className={fr.cx('fr-tile__content')}>
            <p className={fr.cx('fr-tile__title')}>
              <Link to={`/recherche/${country.code.toLowerCase()}`}>{country.name}</Link>
            </p>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className={fr.cx('fr-tile', 'fr-tile--sm', 'fr-tile--horizontal', 'fr-tile--grey', 'fr-tile--no-icon')}>
      <div className={fr.cx('fr-tile__body')}>
        <div className={fr.cx('fr-tile__content')}>
          <p className={fr.cx('fr-tile__title')}>{country.name}</p>
          <div className={fr.cx('fr-tile__start')}>
            <Badge as="span" small noIcon severity={country.status === 'planned' ? 'new' : 'warning'}>
              {country.status === 'planned' ? 'bientôt disponible' : 'temporairement indisponible'}
            </Badge>
          </div>
        </div>
      </div>
    </div>
  );
}
