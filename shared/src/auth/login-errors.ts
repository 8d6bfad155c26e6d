/**
 * Why a login through Pro Santé Connect did not complete (not an access refusal: the professional was not
 * judged). The BFF redirects to /erreur-connexion?raison=<code>; the SPA shows the French text.
 */
export const loginErrorReasons = [
  'state_mismatch',
  'code_invalid',
  'token_invalid',
  'acr_insufficient',
  'provider_error',
  'psc_unavailable',
  'audit_unavailable',
  'too_many_attempts',
  'session_unavailable',
] as const;
export type LoginErrorReason = (typeof loginErrorReasons)[number];

export const loginErrorTexts: Readonly<Record<LoginErrorReason, { title: string; explanation: string }>> = {
  session_unavailable: {
    title: 'La session n’a pas pu être ouverte',
    explanation:
      'Pro Santé Connect vous a bien identifié, mais le service n’a pas pu enregistrer votre session : il est momentanément indisponible. Réessayez dans quelques instants ; si le problème persiste, contactez le support.',
  },
  too_many_attempts: {
    title: 'Trop de tentatives de connexion',
    explanation:
      'De nombreuses connexions ont été lancées depuis ce poste en peu de temps. Par sécurité, patientez une minute avant de vous reconnecter.',
  },
  audit_unavailable: {
    title: 'La connexion n’a pas pu être enregistrée',
    explanation:
      'Chaque accès au service est tracé ; le journal de traçabilité est momentanément indisponible, la connexion a donc été abandonnée. Réessayez dans quelques minutes ; si le problème persiste, contactez le support.',
  },
  state_mismatch: {
    title: 'La connexion n’a pas pu être vérifiée',
    explanation:
      'La réponse de Pro Santé Connect ne correspond à aucune connexion en cours dans ce navigateur (lien ancien, ouvert dans un autre onglet, ou réponse falsifiée). Votre session n’a pas été modifiée. Relancez la connexion.',
  },
  code_invalid: {
    title: 'La connexion a expiré ou a déjà été utilisée',
    explanation:
      'Pro Santé Connect n’a pas reconnu l’autorisation transmise : elle a expiré, a déjà servi, ou n’est pas valide. Votre session n’a pas été modifiée. Relancez la connexion.',
  },
  token_invalid: {
    title: 'L’identité transmise n’a pas pu être vérifiée',
    explanation:
      'Le jeton d’identité reçu de Pro Santé Connect n’est pas valide. Par sécurité, la connexion a été abandonnée. Relancez la connexion ; si le problème persiste, contactez le support.',
  },
  acr_insufficient: {
    title: 'Niveau d’authentification insuffisant',
    explanation:
      'Sesali exige une authentification par carte CPS ou e-CPS. Reconnectez-vous avec votre carte CPS ou l’application e-CPS.',
  },
  provider_error: {
    title: 'Pro Santé Connect a signalé une erreur',
    explanation: 'Pro Santé Connect n’a pas pu terminer la connexion. Réessayez dans quelques instants.',
  },
  psc_unavailable: {
    title: 'Pro Santé Connect est momentanément indisponible',
    explanation: 'Le service d’authentification Pro Santé Connect ne répond pas. Réessayez dans quelques minutes.',
  },
};

export function isLoginErrorReason(value: string | null | undefined): value is LoginErrorReason {
  return value != null && (loginErrorReasons as readonly string[]).includes(value);
}
