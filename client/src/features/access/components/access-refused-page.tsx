/** `/acces-refuse?raison=…`: the FAQ's own wording of the refusal, what to do, and its help entry. */
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useSearchParams } from 'react-router';
import { isAnyRefusalReason, refusalTexts } from '@sesali/shared';
import { useSession } from '@/features/session/api/get-session';

export function AccessRefusedPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const fromUrl = params.get('raison');
  const fromSession = session.data?.access.decision === 'deny' ? session.data.access.reason : undefined;
  const reason = isAnyRefusalReason(fromUrl) ? fromUrl : fromSession;
  const text = reason ? refusalTexts[reason] : undefined;

  return (
    <>
      <h1>Accès au service impossible</h1>
      {text ? (
        <Alert
          as="h2"
          severity="error"
          title="Il est normal que vous ne puissiez pas accéder au service dans ce cas"
          description={
            <>
              <p data-testid="refusal-reason">{text.faq}</p>
              <p>{text.action}</p>
            </>
          }
          className={fr.cx('fr-mb-4w')}
        />
      ) : (
        <Alert
          as="h2"
          severity="error"
          title="Accès refusé"
          description="Votre accès au service a été refusé."
          className={fr.cx('fr-mb-4w')}
        />
      )}
      <p>
        <Link to={`/aide#${text?.faqAnchor ?? 'connexion'}`}>Pourquoi ne puis-je pas me connecter ? (aide)</Link>
      </p>
    </>
  );
}
