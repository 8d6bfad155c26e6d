/**
 * HL7 NullFlavor in French: the reason a document gives for a missing value. One table for the BFF (coded values)
 * and the SPA (plain fields such as dates and quantities), so « Inconnu (UNK) » reads the same everywhere.
 */
export const nullFlavorsFr: Readonly<Record<string, string>> = {
  NI: 'Non renseigné',
  UNK: 'Inconnu',
  ASKU: 'Demandé mais inconnu',
  NAV: 'Temporairement indisponible',
  NASK: 'Non demandé',
  NA: 'Non applicable',
  MSK: 'Masqué',
  OTH: 'Autre (non codé)',
  NINF: 'Moins l’infini',
  PINF: 'Plus l’infini',
  INV: 'Invalide',
  DER: 'Dérivé',
  UNC: 'Non codé',
  NP: 'Non présent',
  QS: 'Quantité suffisante',
  TRC: 'Traces',
};

/** The French phrase of a NullFlavor code (own keys only), or undefined for an unknown code. */
export function nullFlavorFr(code: string): string | undefined {
  return Object.hasOwn(nullFlavorsFr, code) ? nullFlavorsFr[code] : undefined;
}
