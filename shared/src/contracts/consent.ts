/**
 * Consent (DOMAIN.md §7): the professional attests that the patient received the notice in their language,
 * consented and signed it, and that the professional keeps it; purpose of use TREATMENT, or EMERGENCY where the
 * patient's country allows it, with a reason. The BFF records it in the session and derives the TRC from it.
 */
import { z } from 'zod';
import { purposeOfUseSchema } from './contact-point';
import { euLanguageSchema } from './notice';

export const EMERGENCY_REASON_MIN = 10;
export const EMERGENCY_REASON_MAX = 500;
const ATTESTATION_REQUIRED = 'Cette attestation est obligatoire.';

export const consentRequestSchema = z
  .object({
    noticeLanguage: euLanguageSchema,
    purposeOfUse: purposeOfUseSchema,
    emergencyReason: z.string().trim().max(EMERGENCY_REASON_MAX).optional(),
    attestations: z.object({
      noticeGiven: z.literal(true, { error: ATTESTATION_REQUIRED }),
      consentSigned: z.literal(true, { error: ATTESTATION_REQUIRED }),
      noticeKept: z.literal(true, { error: ATTESTATION_REQUIRED }),
    }),
  })
  .superRefine((value, ctx) => {
    if (value.purposeOfUse === 'EMERGENCY' && (value.emergencyReason ?? '').length < EMERGENCY_REASON_MIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyReason'],
        message: `Précisez le motif de l’urgence (${EMERGENCY_REASON_MIN} caractères au moins).`,
      });
    }
  });
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

export const recordedConsentSchema = z.object({
  attestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  noticeLanguage: euLanguageSchema,
  purposeOfUse: purposeOfUseSchema,
});
export type RecordedConsent = z.infer<typeof recordedConsentSchema>;

/** GET /api/patients/:ref/consent: what the consent step needs, and the consent already recorded, if any. */
export const consentContextSchema = z.object({
  countryCode: z.string(),
  countryName: z.string(),
  /** The notice languages of the patient's country, first the main one. */
  noticeLanguages: z.array(euLanguageSchema),
  purposesOfUse: z.array(purposeOfUseSchema).min(1),
  consent: recordedConsentSchema.nullable(),
});
export type ConsentContext = z.infer<typeof consentContextSchema>;
