/**
 * Is the document about the patient the professional identified and obtained consent for? Checked before any
 * part of a summary or an original PDF leaves the BFF: a member state that answers with somebody else's
 * document (a mix-up in its registry, a wrong document id) must not put another person's data in front of
 * the clinician as if it were this patient's.
 *
 * The rule: an identifier in common (same root, through the code-system aliases, and same extension) passes;
 * otherwise the family name (case, accents, spaces and punctuation normalised) and the birth date must both
 * match; otherwise the document is refused. Express-free: plain inputs, a typed error.
 */
import type { Identifier, PatientDemographics, PersonName } from '@sesali/shared';

export interface IdentityCheck {
  method: 'identifier' | 'nameAndBirthDate';
  compared: ('identifier' | 'familyName' | 'birthDate')[];
}

/** What the document says about its patient. */
export interface DocumentPatient {
  identifiers: Identifier[];
  names: PersonName[];
  birthDate?: string;
}

/** The document is about somebody else (or cannot be tied to the identified patient). */
export class PatientMismatchError extends Error {
  constructor(readonly compared: IdentityCheck['compared']) {
    super(`document patient does not match the identified patient (compared: ${compared.join(', ') || 'nothing'})`);
    this.name = 'PatientMismatchError';
  }
}

const normaliseOid = (root: string): string => root.trim().replace(/^urn:oid:/i, '');
const normaliseExtension = (extension: string | undefined): string => (extension ?? '').trim().toUpperCase();

/** "Sousa Monteiro", "SOUSA-MONTEIRO" and "sousa monteiro" are the same family name; "Sousa" alone is not. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The first ten characters of an ISO date: the day, whatever precision or time the document adds. */
const day = (date: string | undefined): string | undefined =>
  date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;

export function checkDocumentPatient(identified: PatientDemographics, document: DocumentPatient): IdentityCheck {
  const known = new Set(
    identified.patientId.map((id) => `${normaliseOid(id.root)}|${normaliseExtension(id.extension)}`),
  );
  const shared = document.identifiers.some(
    (id) => id.extension !== undefined && known.has(`${normaliseOid(id.root)}|${normaliseExtension(id.extension)}`),
  );
  if (shared) return { method: 'identifier', compared: ['identifier'] };

  const compared: IdentityCheck['compared'] = ['identifier', 'familyName', 'birthDate'];
  const family = identified.familyName === undefined ? '' : normaliseName(identified.familyName);
  const birthDate = day(identified.birthDate);
  if (family === '' || birthDate === undefined) throw new PatientMismatchError(compared);
  const documentFamilies = document.names.map((name) =>
    normaliseName(name.family.length > 0 ? name.family.join(' ') : ''),
  );
  const sameName = documentFamilies.some((candidate) => candidate !== '' && candidate === family);
  const sameBirthDate = day(document.birthDate) === birthDate;
  if (!sameName || !sameBirthDate) throw new PatientMismatchError(compared);
  return { method: 'nameAndBirthDate', compared: ['familyName', 'birthDate'] };
}
