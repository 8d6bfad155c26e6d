/** Contracts of the BFF API: the SPA parses every response with these, the BFF and MSW handlers build them. */
import { z } from 'zod';
import { deviceRefusalReasonSchema, refusalReasonSchema, situationSchema, type AccessDecision } from '../access/types';

export const professionalSchema = z.object({
  givenName: z.string(),
  familyName: z.string(),
  /** How PSC authenticated the professional: "CARD" for a CPS card; other values as PSC sends them. */
  authMode: z.string().nullable(),
});
export type Professional = z.infer<typeof professionalSchema>;

export const sessionAccessSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('allow') }),
  z.object({ decision: z.literal('deny'), reason: z.union([refusalReasonSchema, deviceRefusalReasonSchema]) }),
]);

/** GET /api/session: who is logged in, what the rules decided, the situations to choose from. */
export const sessionResponseSchema = z.object({
  professional: professionalSchema,
  access: sessionAccessSchema,
  /** Qualifying situations; empty when refused. */
  situations: z.array(situationSchema),
  /** The chosen situation; null until chosen (chosen automatically when only one qualifies). */
  situation: situationSchema.nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** The session as the SPA sees it, from the access decision: one function for the BFF and its simulations. */
export function sessionView(
  professional: Professional,
  access: AccessDecision,
  situationId: string | null,
): SessionResponse {
  return {
    professional,
    access: access.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: access.reason },
    situations: access.situations,
    situation: access.situations.find((s) => s.id === situationId) ?? null,
  };
}

/** POST /api/session/situation */
export const chooseSituationRequestSchema = z.object({ situationId: z.string().min(1).max(16) });
export type ChooseSituationRequest = z.infer<typeof chooseSituationRequestSchema>;
