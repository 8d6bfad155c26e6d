/**
 * One error model for the whole stack: a stable code the SPA can branch on, an HTTP status, and a French
 * message fit for a clinician. The BFF answers `{ code, message }`; the client turns any failure into it.
 */
import { z } from 'zod';

export const errorCatalogue = {
  not_authenticated: {
    status: 401,
    message: 'Vous n’êtes pas connecté, ou votre session a expiré. Reconnectez-vous avec Pro Santé Connect.',
  },
  access_denied: { status: 403, message: 'Votre profil ne permet pas d’accéder à ce service.' },
  device_not_allowed: {
    status: 403,
    message: 'Ce service n’est accessible que depuis un ordinateur avec un navigateur compatible.',
  },
  situation_required: { status: 409, message: 'Choisissez d’abord votre situation d’exercice.' },
  situation_unknown: {
    status: 400,
    message: 'Cette situation d’exercice ne fait pas partie de celles qui vous permettent d’accéder au service.',
  },
  forbidden_origin: { status: 403, message: 'Requête refusée : elle ne provient pas du service Sesali.' },
  invalid_request: { status: 400, message: 'La requête est invalide.' },
  unsupported_media_type: { status: 415, message: 'Le format de la requête n’est pas accepté.' },
  not_found: { status: 404, message: 'La ressource demandée est introuvable.' },
  consent_required: {
    status: 403,
    message:
      'Recueillez d’abord le consentement du patient : remettez-lui la notice d’information et faites-la signer.',
  },
  emergency_not_allowed: {
    status: 400,
    message: 'Le pays du patient n’autorise pas l’accès en urgence sans consentement : choisissez « Soins ».',
  },
  patient_not_found: {
    status: 404,
    message: 'Aucun patient ne correspond à ces informations dans ce pays. Vérifiez les identifiants saisis.',
  },
  patient_not_activated: {
    status: 409,
    message:
      'Ce patient n’a pas activé le service MaSanté@UE dans son pays : sa synthèse médicale ne peut pas être partagée.',
  },
  document_patient_mismatch: {
    status: 502,
    message: 'Le document reçu ne concerne pas le patient identifié ; il n’est pas affiché.',
  },
  no_summary: {
    status: 404,
    message: 'Aucune synthèse médicale n’est enregistrée pour ce patient dans son pays.',
  },
  consent_rejected: {
    status: 403,
    message:
      'Le pays du patient n’a pas accepté le consentement transmis. Vérifiez que le patient a bien signé la notice, puis recommencez.',
  },
  insufficient_rights: {
    status: 403,
    message: 'Le pays du patient ne permet pas à votre profession d’accéder à ce document.',
  },
  assertion_rejected: {
    status: 502,
    message:
      'Votre demande n’a pas pu être authentifiée auprès du pays du patient. Réessayez ; si le problème persiste, contactez le support.',
  },
  country_unavailable: {
    status: 503,
    message: 'Ce pays est momentanément indisponible sur le réseau MaSanté@UE. Réessayez plus tard.',
  },
  contact_point_timeout: {
    status: 504,
    message: 'Le pays du patient n’a pas répondu à temps. Réessayez dans quelques instants.',
  },
  contact_point_unavailable: {
    status: 502,
    message: 'Le point de contact national MaSanté@UE est momentanément injoignable. Réessayez dans quelques minutes.',
  },
  contact_point_error: {
    status: 502,
    message: 'Le pays du patient a rencontré une erreur en traitant la demande. Réessayez plus tard.',
  },
  contact_point_invalid_response: {
    status: 502,
    message: 'La réponse du pays du patient est illisible. L’incident a été signalé ; réessayez plus tard.',
  },
  document_too_large: {
    status: 502,
    message: 'Le document transmis par le pays du patient dépasse la taille autorisée et n’a pas été affiché.',
  },
  document_unreadable: {
    status: 502,
    message:
      'Le document transmis par le pays du patient est illisible ou incomplet : il n’a pas été affiché. Consultez le document original s’il est disponible.',
  },
  original_unavailable: {
    status: 404,
    message: 'Le pays du patient n’a pas transmis de document original (PDF) pour cette synthèse.',
  },
  psc_unavailable: {
    status: 503,
    message: 'Pro Santé Connect est momentanément indisponible. Réessayez dans quelques minutes.',
  },
  too_many_requests: {
    status: 429,
    message:
      'Trop de demandes en peu de temps : par sécurité, patientez quelques minutes avant de recommencer. Si vous n’êtes pas à l’origine de ces demandes, déconnectez-vous.',
  },
  audit_unavailable: {
    status: 503,
    message:
      'Le journal de traçabilité est momentanément indisponible : par sécurité, aucune donnée du patient n’est transmise. Réessayez dans quelques minutes.',
  },
  session_store_unavailable: {
    status: 503,
    message:
      'Le service est momentanément indisponible (sessions). Réessayez dans quelques instants ; il pourra vous être demandé de vous reconnecter.',
  },
  internal_error: {
    status: 500,
    message: 'Une erreur inattendue est survenue. Réessayez ; si le problème persiste, contactez le support.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/** Failures the SPA meets before or after the BFF answers: no answer at all, or one breaking its contract. */
export const clientErrorCatalogue = {
  network_error: { message: 'Le service Sesali ne répond pas. Vérifiez votre connexion puis réessayez.' },
  invalid_response: { message: 'Réponse inattendue du service Sesali. Réessayez.' },
} as const satisfies Record<string, { message: string }>;
export type ClientErrorCode = keyof typeof clientErrorCatalogue;

/** Every code the SPA can branch on: the BFF's catalogue and its own client-side failures. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** The error body as it travels (any string as code: a newer BFF may send a code this SPA does not know). */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** A refusal's reason code (access or device), when the error is a refusal. */
  reason: z.string().optional(),
  /** Per-field French messages of a rejected form, by field key. */
  fields: z.record(z.string(), z.string()).optional(),
});

/** An error body with a code of the catalogue. */
export type ApiError = Omit<z.infer<typeof apiErrorSchema>, 'code'> & { code: ApiErrorCode };

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalogue, value);
}

export function clientError(code: ClientErrorCode): ApiError {
  return { code, message: clientErrorCatalogue[code].message };
}

/**
 * Normalise anything a failed call produced into the error shape, with a code of the catalogue (an unknown
 * one becomes internal_error, with its own message); never leaks a stack or raw text.
 */
export function normalizeApiError(body: unknown, status: number): ApiError {
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, ...rest } = parsed.data;
    if (isErrorCode(code)) return { code, ...rest };
    return { code: 'internal_error', message: errorCatalogue.internal_error.message };
  }
  if (status === 401) return { code: 'not_authenticated', message: errorCatalogue.not_authenticated.message };
  return { code: 'internal_error', message: errorCatalogue.internal_error.message };
}
