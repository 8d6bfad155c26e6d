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

/**
 * How long the session lasts, from the BFF's settings, so the SPA can warn before it ends without settings of
 * its own. The BFF ends a session unused for `idleTimeoutSeconds` (each call to the BFF starts them again) and,
 * whatever its use, at `expiresAt` (its absolute lifetime after login).
 */
export const sessionLifetimeSchema = z.object({
  idleTimeoutSeconds: z.number().int().positive(),
  /** ISO 8601, UTC. */
  expiresAt: z.iso.datetime(),
  /** Seconds left before `expiresAt` when the BFF answered: the SPA counts them on its own clock, which may differ. */
  expiresInSeconds: z.number().int().nonnegative(),
});
export type SessionLifetime = z.infer<typeof sessionLifetimeSchema>;

/** The lifetime of a session that ends at `expiresAtMs` (epoch ms), as answered at `nowMs`. */
export function sessionLifetime(idleTimeoutSeconds: number, expiresAtMs: number, nowMs: number): SessionLifetime {
  return {
    idleTimeoutSeconds,
    expiresAt: new Date(expiresAtMs).toISOString(),
    expiresInSeconds: Math.max(0, Math.floor((expiresAtMs - nowMs) / 1000)),
  };
}

/** GET /api/session: who is logged in, what the rules decided, the situations to choose from. */
export const sessionResponseSchema = z.object({
  professional: professionalSchema,
  access: sessionAccessSchema,
  /** Qualifying situations; empty when refused. */
  situations: z.array(situationSchema),
  /** The chosen situation; null until chosen (chosen automatically when only one qualifies). */
  situation: situationSchema.nullable(),
  lifetime: sessionLifetimeSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** The session as the SPA sees it, from the access decision: one function for the BFF and its simulations. */
export function sessionView(
  professional: Professional,
  access: AccessDecision,
  situationId: string | null,
  lifetime: SessionLifetime,
): SessionResponse {
  return {
    professional,
    access: access.decision === 'allow' ? { decision: 'allow' } : { decision: 'deny', reason: access.reason },
    situations: access.situations,
    situation: access.situations.find((s) => s.id === situationId) ?? null,
    lifetime,
  };
}

/** POST /api/session/situation */
export const chooseSituationRequestSchema = z.object({ situationId: z.string().min(1).max(16) });
export type ChooseSituationRequest = z.infer<typeof chooseSituationRequestSchema>;
