/** `/recherche/:pays` (lower-case ISO code, e.g. `/recherche/pt`): the search form of the patient's country. */
import { Link, useParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiClientError } from '@/lib/api-client';
import { useSearchForm } from '../api/get-search-form';
import { PatientSearchForm } from './patient-search-form';

const otherCountryLink = (
  <p className={fr.cx('fr-mt-2w')}>
    <Link to="/recherche" className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}>
      Choisir un autre pays
    </Link>
  </p>
);

export function SearchPage() {
  const { pays = '' } = useParams();
  if (!/^[a-z]{2}$/i.test(pays)) return <CountryNotOffered />;
  const countryCode = pays.toUpperCase();
  return <CountrySearch key={countryCode} countryCode={countryCode} />;
}

function CountrySearch({ countryCode }: { countryCode: string }) {
  const searchForm = useSearchForm(countryCode);
  if (searchForm.isPending) return <p>Chargement…</p>;
  if (searchForm.isError) {
    if (searchForm.error instanceof ApiClientError && searchForm.error.code === 'not_found')
      return <CountryNotOffered />;
    return (
      <>
        <h1>Rechercher un patient</h1>
        <Alert
          severity="error"
          title="Recherche impossible pour l’instant"
          as="h2"
          description={searchForm.error.message}
        />
        {otherCountryLink}
      </>
    );
  }
  const form = searchForm.data;
  return (
    <>
      <h1>Rechercher un patient : {form.countryName}</h1>
      {otherCountryLink}
      <PatientSearchForm key={form.countryCode} form={form} />
    </>
  );
}

function CountryNotOffered() {
  return (
    <>
      <h1>Pays non proposé</h1>
      <p>Les patients de ce pays ne peuvent pas encore être recherchés depuis la France.</p>
      {otherCountryLink}
    </>
  );
}
