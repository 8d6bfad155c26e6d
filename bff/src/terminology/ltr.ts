/**
 * One Local Terminology Repository file (the export OpenNCP's TSAM writes: one XML file per value set) →
 * a validated value set. A concept that does not validate is skipped and reported; a file that is not an LTR
 * value set is reported whole. Never throws on bad content.
 */
import { z } from 'zod';
import { DocumentError } from '../documents/errors';
import { attribute, isElement, readXmlBytes, textContent } from '../documents/xml/xml-tree';
import type { LtrConcept, LtrValueSet } from './catalogue';

const OID = /^[0-2](\.(0|[1-9]\d*)){1,60}$/;
/** A code system named by a UUID rather than an OID (the MVC's eHDSILanguage does this). */
const CODE_SYSTEM_ID =
  /^(?:[0-2](\.(0|[1-9]\d*)){1,60}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const LANG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/;
const MAX_PROBLEMS_PER_FILE = 20;

const designationSchema = z.object({
  lang: z.string().regex(LANG, 'language tag expected'),
  text: z.string().trim().min(1, 'empty designation').max(2000),
});
const conceptSchema = z.object({
  code: z.string().trim().min(1, 'code missing').max(200),
  codeSystem: z.string().trim().regex(CODE_SYSTEM_ID, 'codeSystem OID (or UUID) expected'),
  codeSystemName: z.string().trim().min(1).max(300).optional(),
  designations: z.array(designationSchema).min(1, 'no designation'),
});
const valueSetHeaderSchema = z.object({
  oid: z.string().trim().regex(OID, 'value set oid missing or not an OID'),
  name: z.string().trim().min(1).max(300).optional(),
});

export interface LtrReadResult {
  valueSet?: LtrValueSet;
  /** English messages for operators, without the path (the loader adds it). */
  problems: string[];
}

export function readLtrFile(bytes: Uint8Array): LtrReadResult {
  let root;
  try {
    root = readXmlBytes(bytes);
  } catch (error) {
    return { problems: [error instanceof DocumentError ? error.detail : String(error)] };
  }
  if (root.name !== 'ValueSet') return { problems: [`root element is <${root.name}>, not <ValueSet>`] };
  const header = valueSetHeaderSchema.safeParse({ oid: attribute(root, 'oid'), name: attribute(root, 'name') });
  if (!header.success) return { problems: [issuesText(header.error)] };

  const problems: string[] = [];
  const concepts: LtrConcept[] = [];
  let index = 0;
  let skipped = 0;
  for (const child of root.children) {
    if (!isElement(child) || child.name !== 'concept') continue;
    index++;
    const candidate = {
      code: attribute(child, 'code'),
      codeSystem: attribute(child, 'codeSystem'),
      codeSystemName: attribute(child, 'codeSystemName')?.trim() || undefined,
      designations: child.children
        .filter(isElement)
        .filter((d) => d.name === 'designation')
        .map((d) => ({ lang: attribute(d, 'lang') ?? '', text: textContent(d) })),
    };
    // A blank designation next to good ones is not worth refusing the concept for.
    candidate.designations = candidate.designations.filter((d) => d.text !== '');
    const parsed = conceptSchema.safeParse(candidate);
    if (parsed.success) {
      concepts.push(parsed.data);
    } else {
      skipped++;
      if (problems.length < MAX_PROBLEMS_PER_FILE)
        problems.push(
          `concept #${index} (code ${JSON.stringify(candidate.code ?? null)}): ${issuesText(parsed.error)}`,
        );
    }
  }
  if (skipped > problems.length) problems.push(`… ${skipped - problems.length} more invalid concepts skipped`);
  if (concepts.length === 0 && skipped === 0) problems.push('value set has no concept');
  return { valueSet: { oid: header.data.oid, name: header.data.name, concepts }, problems };
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}
