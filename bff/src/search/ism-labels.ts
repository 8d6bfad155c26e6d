/** French labels of the eHDSI `label.ism.*` keys; the mask's own wording is shown beside them. */
export const ismLabelsFr: Readonly<Record<string, string>> = {
  'label.ism.nationalIdentityCardNumber': 'Numéro de carte d’identité nationale',
  'label.ism.nationalPersonIdentifier': 'Identifiant national de la personne',
  'label.ism.nationalSocialSecurityNumber': 'Numéro national de sécurité sociale',
  'label.ism.nationalHealthNumber': 'Numéro national de santé',
  'label.ism.healthCardNumber': 'Numéro de carte de santé',
  'label.ism.socialSecurityNumber': 'Numéro de sécurité sociale',
  'label.ism.personalIdentificationNumber': 'Numéro d’identification personnel',
  'label.ism.nationalIdentificationNumber': 'Numéro d’identification national',
  'label.ism.residencePermitNumber': 'Numéro de titre de séjour',
  'label.ism.regionalPatientIdentifier': 'Identifiant régional du patient',
  'label.ism.regionIdentifier': 'Code de la région',
  'label.ism.healthInsuranceNumber': 'Numéro d’assurance maladie',
  'label.ism.passportNumber': 'Numéro de passeport',
  'label.ism.patientIdentifier': 'Identifiant du patient',
  'label.ism.birthDate': 'Date de naissance',
  'label.ism.gender': 'Sexe',
  'label.ism.familyName': 'Nom de famille',
  'label.ism.givenName': 'Prénom',
  'label.ism.media': 'Pièce d’identité',
};

/** A French label for a mask key: the table, else the mask's description, else a generic label. */
export function frenchLabel(key: string | undefined, fallback: string | undefined, generic: string): string {
  if (key && Object.hasOwn(ismLabelsFr, key)) return ismLabelsFr[key] as string;
  return fallback?.trim() || generic;
}
