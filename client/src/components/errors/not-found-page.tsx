import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>La page que vous cherchez n’existe pas ou a été déplacée.</p>
      <p>
        <Link to="/">Retour à l’accueil</Link>
      </p>
    </>
  );
}
