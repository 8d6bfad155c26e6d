/** « Filtrer les pays »: what a professional types matches names whatever the accents and case (grece → Grèce). */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
    .trim();

export function countryNameMatches(name: string, filter: string): boolean {
  return fold(name).includes(fold(filter));
}
