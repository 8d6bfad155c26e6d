/** Shown when a route fails to render or load: a French message, never a stack. */
import { Link } from 'react-router';

export function RouteError() {
  return (
    <main id="contenu" className="fr-container fr-py-6w">
      <h1>Une erreur est survenue</h1>
      <p>La page n’a pas pu s’afficher. Rechargez-la ; si le problème persiste, contactez le support.</p>
      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </main>
  );
}
