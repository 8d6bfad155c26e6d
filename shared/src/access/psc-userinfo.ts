/**
 * Pro Santé Connect userinfo, as far as the access rules need it. PSC sends empty values as "" and may omit
 * any field, so every field is optional and empty strings count as absent. Unknown fields pass through.
 */
import { z } from 'zod';

const code = z
  .string()
  .max(64)
  .transform((value) => value.trim())
  .optional()
  .catch(undefined);
const text = z.string().max(512).optional().catch(undefined);

export const pscActivitySchema = z.looseObject({
  codeModeExercice: code,
  codeSecteurDactivite: code,
  codeSectionPharmacien: code,
  codeRole: code,
  codeGenreActivite: code,
  identifiantTechniqueDeLaStructure: code,
  numeroFinessSite: code,
  numeroSiretSite: code,
  raisonSocialeSite: text,
  enseigneCommercialeSite: text,
  codePostal: code,
  bureauCedex: text,
});

export const pscExerciceSchema = z.looseObject({
  codeProfession: code,
  codeCategorieProfessionnelle: code,
  codeCiviliteDexercice: code,
  nomDexercice: text,
  prenomDexercice: text,
  codeTypeSavoirFaire: code,
  codeSavoirFaire: code,
  activities: z.array(pscActivitySchema).max(100).optional(),
});

export const pscUserinfoSchema = z.looseObject({
  sub: z.string().min(1).max(256),
  preferred_username: text,
  SubjectNameID: text,
  given_name: text,
  family_name: text,
  authMode: text,
  SubjectRefPro: z
    .looseObject({
      codeCivilite: code,
      exercices: z.array(pscExerciceSchema).max(50).optional(),
    })
    .optional(),
});

export type PscUserinfo = z.infer<typeof pscUserinfoSchema>;
export type PscExercice = z.infer<typeof pscExerciceSchema>;
export type PscActivity = z.infer<typeof pscActivitySchema>;
