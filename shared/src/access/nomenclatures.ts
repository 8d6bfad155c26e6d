/**
 * Labels of the ANS nomenclatures the access rules and the header use (TRE_G15, TRE_R85, TRE_R02, TRE_R23).
 * Only labels live here; which codes are allowed is decided in evaluate-access.ts.
 */
export const professionLabels: Readonly<Record<string, string>> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '26': 'Audioprothésiste',
  '28': 'Opticien-lunetier',
  '31': 'Assistant dentaire',
  '32': 'Physicien médical',
  '38': 'Préparateur en pharmacie hospitalière',
  '39': 'Préparateur en pharmacie',
  '40': 'Chirurgien-dentiste',
  '50': 'Sage-femme',
  '60': 'Infirmier',
  '69': 'Infirmier psychiatrique',
  '70': 'Masseur-kinésithérapeute',
  '80': 'Pédicure-podologue',
  '81': 'Orthoprothésiste',
  '82': 'Podo-orthésiste',
  '83': 'Orthopédiste-orthésiste',
  '84': 'Oculariste',
  '85': 'Épithésiste',
  '86': 'Technicien de laboratoire médical',
  '91': 'Orthophoniste',
  '92': 'Orthoptiste',
  '94': 'Ergothérapeute',
  '95': 'Diététicien',
  '96': 'Psychomotricien',
  '98': 'Manipulateur ERM',
  '316': 'Préparateur en pharmacie hospitalière',
  '317': 'Préparateur en pharmacie',
};

export const sectorLabels: Readonly<Record<string, string>> = {
  SA01: 'Établissement public de santé',
  SA02: 'Établissement privé PSPH',
  SA03: 'Établissement privé non PSPH',
  SA04: 'Établissement de santé',
  SA05: 'Centre de santé',
  SA07: 'Cabinet individuel',
  SA08: 'Cabinet de groupe',
  SA09: 'Société d’exercice',
  SA13: 'Prévention et soins en entreprise',
  SA23: 'Assurance privée',
  SA24: 'Organisme de sécurité sociale',
  SA25: 'Laboratoire de biologie médicale',
  SA29: 'Laboratoire de biologie médicale',
  SA31: 'Industrie du médicament',
  SA32: 'Distribution du médicament',
  SA33: 'Pharmacie d’officine',
  SA38: 'Pharmacie minière',
  SA39: 'Pharmacie mutualiste',
  SA46: 'Industrie et distribution du médicament',
  SA52: 'Maison de santé',
  SA56: 'Propharmacie',
  SA59: 'Laboratoire de biologie médicale',
  SA65: 'Antenne de pharmacie',
  SA66: 'Service de prévention et de santé au travail',
};

export const modeLabels: Readonly<Record<string, string>> = {
  L: 'Libéral',
  S: 'Salarié',
  B: 'Bénévole',
  I: 'Indirect',
};

/** A label for a code, or the code itself when the nomenclature does not know it (never an empty cell). */
export function labelOf(table: Readonly<Record<string, string>>, code: string | undefined): string | undefined {
  if (!code) return undefined;
  // Own keys only: a code such as "constructor" must not find Object.prototype's members.
  return Object.hasOwn(table, code) ? table[code] : code;
}
