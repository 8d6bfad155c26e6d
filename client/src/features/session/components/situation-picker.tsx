/** /situation: choose one "situation d'exercice" when several qualify; nothing else is possible before. */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { Situation } from '@sesali/shared';
import { useChooseSituation } from '../api/choose-situation';

export function describeSituation(situation: Situation): string {
  return [situation.professionLabel, situation.sectorLabel, situation.modeLabel, situation.city]
    .filter(Boolean)
    .join(' · ');
}

export function SituationPicker({ situations, current }: { situations: Situation[]; current: Situation | null }) {
  const [selected, setSelected] = useState<string | undefined>(current?.id);
  const [missing, setMissing] = useState(false);
  const choose = useChooseSituation();
  const navigate = useNavigate();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) {
      setMissing(true);
      return;
    }
    choose.mutate(selected, { onSuccess: () => void navigate('/') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <RadioButtons
        legend="Dans quelle situation d’exercice consultez-vous ce service ?"
        hintText="Elle sera transmise au pays du patient avec chaque demande."
        state={missing ? 'error' : 'default'}
        stateRelatedMessage={missing ? 'Choisissez une situation d’exercice.' : undefined}
        options={situations.map((situation) => ({
          label: situation.organisation,
          hintText: describeSituation(situation),
          nativeInputProps: {
            name: 'situation',
            value: situation.id,
            checked: selected === situation.id,
            onChange: () => {
              setSelected(situation.id);
              setMissing(false);
            },
          },
        }))}
      />
      {choose.isError ? <Alert severity="error" small description={choose.error.message} className="fr-mb-3w" /> : null}
      <Button type="submit" disabled={choose.isPending}>
        Continuer
      </Button>
    </form>
  );
}
