/**
 * The search form of one country, built from its search mask: the identifier group to fill (CHOICE masks), its
 * fields, then the other demographics. Checked with the shared validateSearch before anything is sent; the
 * BFF checks again. What the professional typed lives in this component's state only: never in the URL,
 * web storage or a query key, and it survives an unsuccessful search so it can be corrected.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  validateSearch,
  type PatientSearchRequest,
  type SearchField as SearchFormField,
  type SearchForm,
} from '@sesali/shared';
import { ApiClientError } from '@/lib/api-client';
import { useSearchPatients } from '../api/search-patients';
import { CandidateTable } from './candidate-table';
import { SearchFailure } from './search-failure';
import { nationalLabelLanguage, SearchField } from './search-field';

export function PatientSearchForm({ form }: { form: SearchForm }) {
  const [group, setGroup] = useState(0);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const search = useSearchPatients();
  const navigate = useNavigate();
  const idPrefix = useId();
  const failureRef = useRef<HTMLDivElement>(null);
  const candidatesRef = useRef<HTMLHeadingElement>(null);

  const identifierFields = form.identifierGroups[group]?.fields ?? [];
  const fields = [...identifierFields, ...form.otherFields];
  const fieldId = (key: string) => `${idPrefix}-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const candidates = search.data && search.data.candidates.length > 1 ? search.data.candidates : undefined;

  // Screen reader and keyboard users land on what the search produced, as sighted users see it: the failure,
  // or the first field the BFF refused (focused by showErrors).
  useEffect(() => {
    const refusedFields = search.error instanceof ApiClientError && Object.keys(search.error.fieldErrors).length > 0;
    if (search.error && !refusedFields) failureRef.current?.focus();
  }, [search.error]);
  useEffect(() => {
    if (candidates) candidatesRef.current?.focus();
  }, [candidates]);

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    const first = fields.find((field) => found[field.key]);
    if (first) document.getElementById(fieldId(first.key))?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (search.isPending) return;
    search.reset();
    const request: PatientSearchRequest = {
      countryCode: form.countryCode,
      group,
      values: Object.fromEntries(
        fields
          .map((field): [string, string] => [field.key, (values[field.key] ?? '').trim()])
          .filter(([, value]) => value !== ''),
      ),
    };
    const found = validateSearch(form, request);
    showErrors(found);
    if (Object.keys(found).length > 0) return;
    search.mutate(request, {
      onSuccess: ({ candidates: [first, ...others] }) => {
        if (first && others.length === 0) void navigate(`/patient/${first.ref}`);
      },
      onError: (error) => {
        if (error instanceof ApiClientError) showErrors(error.fieldErrors);
      },
    });
  };

  const change = (key: string, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _fixed, ...others }) => others);
  };

  const renderField = (field: SearchFormField) => (
    <SearchField
      key={field.key}
      field={field}
      countryCode={form.countryCode}
      id={fieldId(field.key)}
      value={values[field.key] ?? ''}
      error={errors[field.key]}
      onChange={(value) => change(field.key, value)}
    />
  );

  const chooseGroup = (index: number) => {
    setGroup(index);
    setErrors({});
    search.reset();
  };

  return (
    <>
      <form onSubmit={submit} noValidate autoComplete="off">
        <p className={fr.cx('fr-text--sm')}>Sauf mention contraire, tous les champs sont obligatoires.</p>
        {form.identifierGroups.length > 1 ? (
          <RadioButtons
            legend="Type d’identifiant"
            hintText="Le pays du patient accepte plusieurs identifiants : choisissez celui que le patient peut vous donner."
            options={form.identifierGroups.map((identifierGroup, index) => ({
              label: identifierGroup.label,
              nativeInputProps: {
                name: `${idPrefix}-group`,
                value: String(index),
                checked: group === index,
                onChange: () => chooseGroup(index),
              },
            }))}
          />
        ) : null}
        {identifierFields.map(renderField)}
        <Accordion label="Où trouver cet identifiant ?" titleAs="h2" className={fr.cx('fr-mb-4w')}>
          <IdentifierHelp form={form} group={group} />
        </Accordion>
        {form.otherFields.map(renderField)}
        <Button type="submit" iconId="fr-icon-search-line" iconPosition="left">
          Rechercher le patient
        </Button>
        <p role="status" className={fr.cx('fr-mt-2w')}>
          {search.isPending ? `Recherche en cours auprès du pays du patient (${form.countryName})…` : null}
        </p>
      </form>
      {search.isError ? <SearchFailure error={search.error} ref={failureRef} /> : null}
      {candidates ? <CandidateTable candidates={candidates} headingRef={candidatesRef} /> : null}
    </>
  );
}

function IdentifierHelp({ form, group }: { form: SearchForm; group: number }) {
  const fields = form.identifierGroups[group]?.fields ?? [];
  return (
    <>
      <p>
        Demandez au patient sa carte d’assurance maladie ou sa pièce d’identité. Dans son pays, ce qu’on vous demande
        s’appelle :
      </p>
      <ul>
        {fields.map((field) => (
          <li key={field.key}>
            {field.label}
            {field.nationalLabel ? (
              <>
                {' '}
                : « <span lang={nationalLabelLanguage(field, form.countryCode)}>{field.nationalLabel}</span> »
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {form.cardPicture ? (
        <img
          src={form.cardPicture}
          alt={`Exemple de carte où figure l’identifiant (${form.countryName})`}
          className={fr.cx('fr-responsive-img')}
          style={{ maxWidth: '28rem' }}
        />
      ) : null}
    </>
  );
}
