/**
 * The warning shown two minutes before the session ends: an alert dialog (focus moved into it and kept there,
 * the previous focus given back when it closes) with a countdown. Before the idle end, « Rester connecté » asks
 * the BFF for the session, which extends it; the absolute end cannot be extended, so it offers to log in again.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fr } from '@codegouvfr/react-dsfr';
import { ApiClientError } from '@/lib/api-client';
import { sessionQueryOptions } from '../api/get-session';
import { useLogout } from '../api/logout';
import type { EndCause } from '../session-lifetime';
import { loginHref } from './login-button';

const NBSP = '\u00a0';

/** « 1 min 05 s », « 45 s ». */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes}${NBSP}min${NBSP}${String(rest).padStart(2, '0')}${NBSP}s` : `${rest}${NBSP}s`;
}

function useSecondsUntil(endsAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

const focusable = (dialog: HTMLElement) => [...dialog.querySelectorAll<HTMLElement>('button, a[href]')];

export function SessionWarningDialog({ endsAt, cause }: { endsAt: number; cause: EndCause }) {
  const queryClient = useQueryClient();
  const logout = useLogout();
  // Any answer of the BFF extends the session; the watcher then closes this dialog.
  const stay = useMutation({ mutationFn: () => queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 }) });
  const seconds = useSecondsUntil(endsAt);
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const previous = document.activeElement;
    if (dialog.current) focusable(dialog.current)[0]?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous !== document.body && previous.isConnected) previous.focus();
      else document.getElementById('contenu')?.focus();
    };
  }, []);

  const stayConnected = () => {
    if (!stay.isPending) stay.mutate();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && cause === 'idle') {
      event.preventDefault();
      stayConnected();
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Focus stays in the dialog: Tab from the last control goes back to the first, and the other way round.
    const items = focusable(dialog.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  const failure = stay.error ?? logout.error;

  return (
    // The backdrop keeps the page behind out of reach of the mouse; a click on it leaves the focus in the dialog.
    <div
      className="sesali-dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) event.preventDefault();
      }}
    >
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="sesali-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className={fr.cx('fr-h4')}>
          {cause === 'idle' ? 'Votre session va expirer' : 'Votre session va se terminer'}
        </h2>
        {cause === 'idle' ? (
          <p id={textId}>
            Sans action de votre part, votre session se terminera pour inactivité dans{' '}
            <span role="timer">{formatCountdown(seconds)}</span>. Les données des patients consultés ne seront alors
            plus affichées.
          </p>
        ) : (
          <p id={textId}>
            Votre session atteint sa durée maximale et se terminera dans{' '}
            <span role="timer">{formatCountdown(seconds)}</span>. Elle ne peut pas être prolongée : reconnectez-vous
            pour continuer.
          </p>
        )}
        {failure ? (
          <p className={fr.cx('fr-error-text')} role="alert">
            {failure instanceof ApiClientError ? failure.message : 'Une erreur est survenue. Réessayez.'}
          </p>
        ) : null}
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-3w', 'fr-mb-0')}>
          <li>
            {cause === 'idle' ? (
              <button type="button" className={fr.cx('fr-btn')} onClick={stayConnected}>
                Rester connecté
              </button>
            ) : (
              <a className={fr.cx('fr-btn')} href={loginHref()}>
                Se reconnecter
              </a>
            )}
          </li>
          <li>
            <button
              type="button"
              className={fr.cx('fr-btn', 'fr-btn--secondary')}
              onClick={() => {
                if (!logout.isPending) logout.mutate();
              }}
            >
              Se déconnecter
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
