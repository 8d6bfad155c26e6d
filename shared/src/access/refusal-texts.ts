/**
 * What a refused professional reads: the FAQ's own wording of each reason (public Sesali page), what to do,
 * and the anchor of the FAQ entry on /aide. Shared so the refusal page and the help page say the same thing.
 */
import type { DeviceRefusalReason, RefusalReason } from './types';

/** A provider error at the callback: PSC itself refused (card revoked or expired, access denied). */
export type CardRefusalReason = 'card_refused';
export type AnyRefusalReason = RefusalReason | DeviceRefusalReason | CardRefusalReason;

export interface RefusalText {
  /** The FAQ's wording of the case. */
  faq: string;
  /** What the professional can do. */
  action: string;
  /** Anchor of the FAQ entry on /aide. */
  faqAnchor: string;
}

export const refusalTexts: Readonly<Record<AnyRefusalReason, RefusalText>> = {
  occupational_medicine: {
    faq: 'Vous avez la spécialité médecine du travail : le service n’est pas ouvert à la médecine du travail.',
    action:
      'Si vous exercez aussi une autre activité de soins, connectez-vous avec la situation d’exercice correspondante.',
    faqAnchor: 'connexion-medecine-du-travail',
  },
  private_insurer: {
    faq: 'Vous travaillez pour une assurance privée : le service n’est pas ouvert aux organismes d’assurance.',
    action: 'Le service est réservé aux professionnels qui prennent en charge des patients.',
    faqAnchor: 'connexion-assurance',
  },
  not_practising: {
    faq: 'Vous n’exercez plus : aucune activité en cours n’est enregistrée pour vous.',
    action: 'Si vous exercez, vérifiez vos activités auprès de votre ordre ou de l’autorité d’enregistrement (RPPS).',
    faqAnchor: 'connexion-n-exerce-plus',
  },
  profession_not_allowed: {
    faq: 'Vous ne faites pas partie de la liste des professionnels autorisés à utiliser le service.',
    action: 'Consultez la liste des professions autorisées dans l’aide.',
    faqAnchor: 'connexion-profession',
  },
  invalid_identity: {
    faq: 'Les informations transmises par Pro Santé Connect sur votre identité professionnelle sont incomplètes.',
    action: 'Réessayez plus tard ; si le problème persiste, contactez le support Pro Santé Connect.',
    faqAnchor: 'connexion-identite',
  },
  card_refused: {
    faq: 'Vous avez une carte CPS révoquée ou expirée, ou la connexion a été refusée par Pro Santé Connect.',
    action: 'Vérifiez la validité de votre carte CPS ou de votre e-CPS, puis réessayez.',
    faqAnchor: 'connexion-carte',
  },
  browser_unsupported: {
    faq: 'Vous n’utilisez pas un navigateur compatible.',
    action: 'Utilisez une version récente de Chrome, Edge, Firefox ou Safari (16 ou plus) sur un ordinateur.',
    faqAnchor: 'connexion-navigateur',
  },
  mobile_device: {
    faq: 'Vous utilisez un appareil mobile (téléphone portable ou tablette).',
    action: 'Connectez-vous depuis un ordinateur.',
    faqAnchor: 'connexion-mobile',
  },
};

export function isAnyRefusalReason(value: string | null | undefined): value is AnyRefusalReason {
  return value != null && Object.hasOwn(refusalTexts, value);
}
