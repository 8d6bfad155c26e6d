/**
 * Claims of the assertions the BFF signs for the contact point (short-lived ES256 JWTs, keys published at the
 * BFF's /.well-known/jwks.json). The simulated member states verify them with these schemas.
 */
import { z } from 'zod';
import { patientIdSchema, purposeOfUseSchema } from './contact-point';

export const assertionHeaders = { hcp: 'x-hcp-assertion', trc: 'x-trc-assertion' } as const;
export const assertionTypes = { hcp: 'hcp-identity+jwt', trc: 'trc+jwt' } as const;

/** Who asks: the professional, in the situation d'exercice chosen for this session. */
export const hcpIdentitySchema = z.object({
  rpps: z.string().max(64).nullable(),
  givenName: z.string().max(256),
  familyName: z.string().max(256),
  professionCode: z.string().max(16),
  professionLabel: z.string().max(128),
  specialtyCode: z.string().max(16).nullable(),
  organisation: z.string().max(256),
  organisationId: z.string().max(64).nullable(),
  /** TRE_R02 sector of the chosen activity, standing for the facility type. */
  facilityType: z.string().max(16).nullable(),
  locality: z.string().max(256).nullable(),
});
export type HcpIdentity = z.infer<typeof hcpIdentitySchema>;

/** Registered claims both assertions carry. */
const jwtClaims = {
  iss: z.string(),
  aud: z.string(),
  sub: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
  jti: z.string().min(8),
};

export const hcpAssertionClaimsSchema = z.object({
  ...jwtClaims,
  hcp: hcpIdentitySchema,
  purposeOfUse: purposeOfUseSchema,
  /** Country of treatment. */
  locality: z.literal('FR'),
});
export type HcpAssertionClaims = z.infer<typeof hcpAssertionClaimsSchema>;

export const trcAssertionClaimsSchema = z.object({
  ...jwtClaims,
  patientId: patientIdSchema,
  purposeOfUse: purposeOfUseSchema,
  consent: z.object({
    attestedAt: z.iso.datetime(),
    noticeLanguage: z.string().max(16),
    reason: z.string().max(500).optional(),
  }),
});
export type TrcAssertionClaims = z.infer<typeof trcAssertionClaimsSchema>;
