/**
 * Shown in place of the page when the session has ended: every answer of the BFF is already forgotten; the
 * professional logs in again. The focus moves to the title, so a screen reader says what happened.
 */
import { useEffect, useRef } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import type { EndCause } from '../session-lifetime';
import { LoginButton } from './login-button';

const reasons: Record<EndCause | 'ended', string> = {
  idle: 'Votre session a pris fin après une période d’inactivité.',
  max: 'Votre session a atteint sa durée maximale.',
  ended: 'Votre session a pris fin.',
};

export function SessionExpired({ cause }: { cause: EndCause | 'ended' }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  return (
    <>
      <h1 ref={title} tabIndex={-1}>
        Session expirée
      </h1>
      <p>{reasons[cause]}</p>
      <p>
        Par sécurité, les données des patients consultés ne sont plus affichées. Reconnectez-vous avec votre carte CPS
        ou votre e-CPS pour continuer.
      </p>
      <p className={fr.cx('fr-mt-3w')}>
        <LoginButton />
      </p>
    </>
  );
}
