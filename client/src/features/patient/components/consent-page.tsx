/**
 * `/patient/:ref/consentement`: the notice in the patient's language(s) first (any other on demand), then the
 * professional's attestation and the purpose of use. The BFF records it; only then can the summary be read.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  consentRequestSchema,
  euLanguages,
  type ConsentContext,
  type EuLanguage,
  type PurposeOfUse,
} from '@sesali/shared';
import { ApiClientError } from '@/lib/api-client';
import { useConsentContext, useRecordConsent } from '../api/consent';
import { usePatient } from '../api/get-patient';

/** French names of the EU languages, for the "other language" list. */
const languageNamesFr = new Intl.DisplayNames(['fr'], { type: 'language' });
const languageName = (lang: EuLanguage) => languageNamesFr.of(lang) ?? lang;

type Attestation = 'noticeGiven' | 'consentSigned' | 'noticeKept';
const ATTESTATIONS: { key: Attestation; label: string }[] = [
  { key: 'noticeGiven', label: 'J’ai remis au patient la notice d’information dans sa langue.' },
  {
    key: 'consentSigned',
    label: 'Le patient a consenti à la consultation de sa synthèse médicale et a signé la notice.',
  },
  { key: 'noticeKept', label: 'Je conserve la notice signée.' },
];

export function ConsentPage() {
  const { ref = '' } = useParams();
  const patient = usePatient(ref);
  const context = useConsentContext(ref);

  if (patient.isPending || context.isPending) return <p>Chargement…</p>;
  if (patient.isError || context.isError) {
    const error = patient.error ?? context.error;
    const notFound = error instanceof ApiClientError && error.status === 404;
    return (
      <>
        <h1>Recueil du consentement</h1>
        <Alert
          as="h2"
          severity="error"
          title={notFound ? 'Patient introuvable dans cette session' : 'Le consentement ne peut pas être recueilli'}
          description={error?.message ?? ''}
          className={fr.cx('fr-mb-3w')}
        />
        <Link to="/recherche">Rechercher un patient</Link>
      </>
    );
  }
  const name = [patient.data.givenName, patient.data.familyName].filter(Boolean).join(' ');
  return (
    <>
      <h1>Recueil du consentement</h1>
      <p className={fr.cx('fr-text--lead')}>
        Patient : <strong>{name || 'nom non communiqué'}</strong> ({context.data.countryName})
      </p>
      <NoticeLinks context={context.data} />
      <ConsentForm refId={ref} context={context.data} />
    </>
  );
}

function NoticeLinks({ context }: { context: ConsentContext }) {
  const [other, setOther] = useState<EuLanguage | ''>('');
  const others = euLanguages.filter((l) => !context.noticeLanguages.includes(l));
  return (
    <section aria-labelledby="notice-heading" className={fr.cx('fr-mb-6w')}>
      <h2 id="notice-heading">1. Remettre la notice d’information</h2>
      <p>
        Remettez au patient la notice dans sa langue, imprimée : il la lit, la signe, et vous la conservez. Sans son
        consentement, sa synthèse médicale ne peut pas être consultée.
      </p>
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md')}>
        {context.noticeLanguages.map((lang) => (
          <li key={lang}>
            <a
              className={fr.cx('fr-btn', 'fr-icon-printer-line', 'fr-btn--icon-left')}
              href={`/notice/${lang}`}
              target="_blank"
              rel="noopener"
            >
              Notice en {languageName(lang)} (nouvel onglet)
            </a>
          </li>
        ))}
      </ul>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--bottom', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Select
            label="Autre langue"
            hint="Si le patient lit mieux une autre langue de l’Union européenne"
            nativeSelectProps={{ value: other, onChange: (e) => setOther(e.target.value as EuLanguage | '') }}
          >
            <option value="">Choisir une langue</option>
            {others.map((lang) => (
              <option key={lang} value={lang}>
                {languageName(lang)}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          {other ? (
            <a
              className={fr.cx('fr-btn', 'fr-btn--secondary', 'fr-mb-3w')}
              href={`/notice/${other}`}
              target="_blank"
              rel="noopener"
            >
              Ouvrir la notice en {languageName(other)} (nouvel onglet)
            </a>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function ConsentForm({ refId, context }: { refId: string; context: ConsentContext }) {
  const navigate = useNavigate();
  const record = useRecordConsent(refId);
  const [noticeLanguage, setNoticeLanguage] = useState<EuLanguage>(context.noticeLanguages[0] ?? 'en');
  const [checked, setChecked] = useState<Record<Attestation, boolean>>({
    noticeGiven: false,
    consentSigned: false,
    noticeKept: false,
  });
  const [purpose, setPurpose] = useState<PurposeOfUse>('TREATMENT');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const emergencyAllowed = context.purposesOfUse.includes('EMERGENCY');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The BFF's own schema: the same checks and messages here and there.
    const parsed = consentRequestSchema.safeParse({
      noticeLanguage,
      purposeOfUse: purpose,
      emergencyReason: purpose === 'EMERGENCY' ? reason.trim() : undefined,
      attestations: checked,
    });
    const found: Record<string, string> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) found[String(issue.path.at(-1) ?? 'form')] ??= issue.message;
    setErrors(found);
    if (!parsed.success) {
      document.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    record.mutate(parsed.data, { onSuccess: () => void navigate(`/patient/${refId}/synthese`) });
  };

  return (
    <section aria-labelledby="attestation-heading">
      <h2 id="attestation-heading">2. Attester le consentement</h2>
      {context.consent ? (
        <Alert
          as="h3"
          severity="info"
          small
          title="Consentement déjà recueilli"
          description={`Recueilli à ${new Date(context.consent.attestedAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}, valable jusqu’à ${new Date(context.consent.expiresAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}.`}
          className={fr.cx('fr-mb-3w')}
        />
      ) : null}
      <form onSubmit={submit} noValidate>
        <Select
          label="Langue de la notice remise au patient"
          nativeSelectProps={{
            value: noticeLanguage,
            onChange: (e) => setNoticeLanguage(e.target.value as EuLanguage),
          }}
        >
          {[...context.noticeLanguages, ...euLanguages.filter((l) => !context.noticeLanguages.includes(l))].map(
            (lang) => (
              <option key={lang} value={lang}>
                {languageName(lang)}
              </option>
            ),
          )}
        </Select>
        <fieldset className={fr.cx('fr-fieldset')} aria-labelledby="attestations-legend">
          <legend id="attestations-legend" className={fr.cx('fr-fieldset__legend')}>
            J’atteste que :
          </legend>
          {ATTESTATIONS.map(({ key, label }) => (
            <div key={key} className={fr.cx('fr-fieldset__element')}>
              <Checkbox
                state={errors[key] ? 'error' : 'default'}
                stateRelatedMessage={errors[key]}
                options={[
                  {
                    label,
                    nativeInputProps: {
                      name: key,
                      checked: checked[key],
                      onChange: (e) => setChecked((c) => ({ ...c, [key]: e.target.checked })),
                    },
                  },
                ]}
              />
            </div>
          ))}
        </fieldset>
        <RadioButtons
          legend="Motif de la consultation"
          hintText={emergencyAllowed ? undefined : 'Le pays du patient n’autorise que l’accès pour soins.'}
          options={[
            {
              label: 'Soins',
              hintText: 'Prise en charge du patient',
              nativeInputProps: {
                name: 'purpose',
                value: 'TREATMENT',
                checked: purpose === 'TREATMENT',
                onChange: () => setPurpose('TREATMENT'),
              },
            },
            ...(emergencyAllowed
              ? [
                  {
                    label: 'Urgence',
                    hintText: 'Situation d’urgence, motif obligatoire',
                    nativeInputProps: {
                      name: 'purpose',
                      value: 'EMERGENCY',
                      checked: purpose === 'EMERGENCY',
                      onChange: () => setPurpose('EMERGENCY'),
                    },
                  },
                ]
              : []),
          ]}
        />
        {purpose === 'EMERGENCY' ? (
          <Input
            label="Motif de l’urgence"
            textArea
            state={errors.emergencyReason ? 'error' : 'default'}
            stateRelatedMessage={errors.emergencyReason}
            nativeTextAreaProps={{
              name: 'emergencyReason',
              value: reason,
              maxLength: 500,
              onChange: (e) => setReason(e.target.value),
            }}
          />
        ) : null}
        {record.isError ? (
          <Alert severity="error" small description={record.error.message} className={fr.cx('fr-mb-3w')} />
        ) : null}
        <Button type="submit" disabled={record.isPending}>
          Enregistrer le consentement et consulter la synthèse
        </Button>
      </form>
    </section>
  );
}
