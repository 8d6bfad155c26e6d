import { z } from 'zod';

export const refusalReasons = [
  'occupational_medicine',
  'private_insurer',
  'not_practising',
  'profession_not_allowed',
  'invalid_identity',
] as const;
export const refusalReasonSchema = z.enum(refusalReasons);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const deviceRefusalReasons = ['mobile_device', 'browser_unsupported'] as const;
export const deviceRefusalReasonSchema = z.enum(deviceRefusalReasons);
export type DeviceRefusalReason = z.infer<typeof deviceRefusalReasonSchema>;

/** One qualifying "situation d'exercice": an activity of an exercice that the rules allow. */
export const situationSchema = z.object({
  id: z.string().regex(/^e\d{1,2}a\d{1,3}$/),
  professionCode: z.string(),
  professionLabel: z.string(),
  specialtyCode: z.string().nullable(),
  organisation: z.string(),
  organisationId: z.string().nullable(),
  sectorCode: z.string().nullable(),
  sectorLabel: z.string().nullable(),
  modeLabel: z.string().nullable(),
  city: z.string().nullable(),
});
export type Situation = z.infer<typeof situationSchema>;

export const accessDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('allow'), situations: z.array(situationSchema).min(1) }),
  z.object({
    decision: z.literal('deny'),
    reason: refusalReasonSchema,
    situations: z.array(situationSchema).length(0),
  }),
]);
export type AccessDecision = z.infer<typeof accessDecisionSchema>;
