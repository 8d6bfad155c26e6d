/**
 * One field of a country's search form: the French label, the country's own name of the field and the mask's
 * description as hint (each marked with its language), and the error tied to the input by the DSFR components.
 */
import { Fragment, type ReactNode } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { SearchField as SearchFieldModel } from '@sesali/shared';

/** Language of the national labels, where a country has one official language for them (RGAA 8.7). */
const NATIONAL_LANGUAGES: Record<string, string> = {
  AT: 'de',
  BG: 'bg',
  CY: 'el',
  CZ: 'cs',
  DE: 'de',
  DK: 'da',
  EE: 'et',
  ES: 'es',
  FR: 'fr',
  GR: 'el',
  HR: 'hr',
  HU: 'hu',
  IT: 'it',
  LT: 'lt',
  LV: 'lv',
  NL: 'nl',
  PL: 'pl',
  PT: 'pt',
  RO: 'ro',
  SE: 'sv',
  SI: 'sl',
  SK: 'sk',
};

/** The language of a field's national label; a mask without one gives its English description instead. */
export function nationalLabelLanguage(field: SearchFieldModel, countryCode: string): string | undefined {
  return field.nationalLabel === field.hint ? 'en' : NATIONAL_LANGUAGES[countryCode];
}

export const GENDER_OPTIONS = [
  { value: 'F', label: 'Femme' },
  { value: 'M', label: 'Homme' },
  { value: 'UN', label: 'Non précisé' },
] as const;

const today = () => new Date().toISOString().slice(0, 10);

interface SearchFieldProps {
  field: SearchFieldModel;
  countryCode: string;
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

export function SearchField({ field, countryCode, id, value, error, onChange }: SearchFieldProps) {
  const label = field.mandatory ? field.label : `${field.label} (facultatif)`;
  const hint = fieldHint(field, countryCode);
  const state = error ? 'error' : 'default';
  const nativeProps = {
    id,
    name: field.key,
    value,
    'aria-required': field.mandatory,
    'aria-invalid': error ? true : undefined,
  };

  if (field.kind === 'gender') {
    return (
      <Select
        label={label}
        hint={hint}
        state={state}
        stateRelatedMessage={error}
        nativeSelectProps={{ ...nativeProps, onChange: (event) => onChange(event.target.value) }}
      >
        <option value="">Sélectionnez une option</option>
        {GENDER_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    );
  }

  return (
    <Input
      label={label}
      hintText={hint}
      state={state}
      stateRelatedMessage={error}
      nativeInputProps={{
        ...nativeProps,
        onChange: (event) => onChange(event.target.value),
        // A patient's identifiers are not for the browser to remember, suggest or send to a spelling service.
        autoComplete: 'off',
        spellCheck: false,
        ...(field.kind === 'birthDate' ? { type: 'date', min: '1880-01-01', max: today() } : { type: 'text' }),
      }}
    />
  );
}

/** The country's name of the field, the mask's description and the expected format, when there are any. */
function fieldHint(field: SearchFieldModel, countryCode: string): ReactNode {
  const parts: ReactNode[] = [];
  if (field.nationalLabel)
    parts.push(<span lang={nationalLabelLanguage(field, countryCode)}>{field.nationalLabel}</span>);
  if (field.hint && field.hint !== field.nationalLabel) parts.push(<span lang="en">{field.hint}</span>);
  if (field.kind === 'birthDate') parts.push('Format attendu : jj/mm/aaaa');
  if (parts.length === 0) return undefined;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 ? ' — ' : null}
      {part}
    </Fragment>
  ));
}
