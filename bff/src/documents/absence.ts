/**
 * Absent-or-unknown statements: codes by which a document says "no known allergy", "no information about
 * medications", "drug treatment unknown". Member states send them as the IPS absent-and-unknown codes (the
 * eHDSI AbsentOrUnknown value sets 42.47–42.51) or as SNOMED CT situations (the IPS "Absent or Unknown
 * SNOMED" set, and older concepts seen in epSOS-era documents). Wherever such a code sits in an entry — the
 * allergy observation's value, the medication's product, the problem's value, the device — the entry is a
 * statement about the section, not a clinical item: it becomes one French sentence, never a row or an alert.
 *
 * Recognised by code and code system, never by display text.
 */
import { canonicalCodeSystem, CODE_SYSTEMS } from '../terminology/code-systems';

export type AbsenceKind = 'known' | 'unknown';

/** SNOMED CT situations that state an absence (`known`) or a lack of information (`unknown`). */
const SNOMED_ABSENCE: ReadonlyMap<string, AbsenceKind> = new Map([
  // IPS "Absent or Unknown SNOMED" (absent-or-unknown-snomed-uv-ips)
  ['716186003', 'known'], // No known allergy
  ['409137002', 'known'], // No known drug allergy
  ['428607008', 'known'], // No known environmental allergy
  ['429625007', 'known'], // No known food allergy
  ['787483001', 'known'], // No known device use
  ['787482006', 'known'], // No known immunizations
  ['787481004', 'known'], // No known medications
  ['160245001', 'known'], // No current problems or disability
  ['787480003', 'known'], // No known procedures
  // Seen in epSOS-era and reference test documents
  ['160244002', 'known'], // No known allergies
  ['182849000', 'known'], // No drug therapy prescribed
  ['182904002', 'unknown'], // Drug treatment unknown
]);

/** IPS absent-and-unknown codes whose meaning is "no information". */
const IPS_UNKNOWN = /-info$/;

/** The kind of statement a code makes, or undefined when it is a clinical concept. */
export function absenceKind(codeSystem: string | undefined, code: string | undefined): AbsenceKind | undefined {
  if (codeSystem === undefined || code === undefined) return undefined;
  const system = canonicalCodeSystem(codeSystem);
  const trimmed = code.trim();
  if (system === CODE_SYSTEMS.absentOrUnknown) return IPS_UNKNOWN.test(trimmed) ? 'unknown' : 'known';
  if (system === CODE_SYSTEMS.snomed) return SNOMED_ABSENCE.get(trimmed);
  return undefined;
}
