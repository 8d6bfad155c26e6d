/**
 * The eHDSI MVC in the form the BFF loads at boot. The catalogue ships as the public LTR export (51 XML files,
 * 8.4 MB, bff/terminology/mvc/, the source of truth with its NOTICE); parsing that XML at every start costs
 * about a second, so `npm run terminology:compile-mvc` turns it into one JSON file holding only what the display
 * uses — each concept's code, code system and en-GB reference designation — and a test keeps the two in step.
 *
 *   { format, valueSets: [{ oid, name, systems: [[oid, name]], concepts: [[systemIndex, code, enGB]] }] }
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shippedPath } from '../paths';
import { z } from 'zod';
import type { LtrValueSet } from './catalogue';
import { readLtrFile } from './ltr';

export const MVC_XML_DIRECTORY = shippedPath('terminology', 'mvc');
export const MVC_COMPACT_FILE = shippedPath('terminology', 'mvc.json');
const FORMAT = 'sesali-mvc-compact/1';

type ConceptTuple = [system: number, code: string, english: string];

/**
 * The envelope and each value set's header are checked by zod; the tens of thousands of concept tuples by
 * `isConceptTuple` (zod's tuple parser made this file half of every start's terminology time).
 */
const compactSchema = z.object({
  format: z.literal(FORMAT),
  valueSets: z.array(
    z.object({
      oid: z.string().min(1),
      name: z.string().optional(),
      systems: z.array(z.tuple([z.string().min(1), z.string().optional()])),
      concepts: z.array(z.unknown()),
    }),
  ),
});
export interface CompactMvc {
  format: typeof FORMAT;
  valueSets: (Omit<z.infer<typeof compactSchema>['valueSets'][number], 'concepts'> & { concepts: ConceptTuple[] })[];
}

const isConceptTuple = (value: unknown): value is ConceptTuple =>
  Array.isArray(value) &&
  value.length === 3 &&
  Number.isInteger(value[0]) &&
  (value[0] as number) >= 0 &&
  typeof value[1] === 'string' &&
  value[1] !== '' &&
  typeof value[2] === 'string' &&
  value[2] !== '';

/** Reads the LTR XML files of a directory into the compact form; problems are returned, not thrown. */
export async function compileMvc(directory = MVC_XML_DIRECTORY): Promise<{ mvc: CompactMvc; problems: string[] }> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.xml')).sort(byValueSetNumber);
  const problems: string[] = [];
  const valueSets: CompactMvc['valueSets'] = [];
  for (const name of names) {
    const result = readLtrFile(await readFile(join(directory, name)));
    for (const problem of result.problems) problems.push(`${name}: ${problem}`);
    if (!result.valueSet) continue;
    const systems: [string, string | undefined][] = [];
    const systemIndex = new Map<string, number>();
    const concepts: ConceptTuple[] = [];
    for (const concept of result.valueSet.concepts) {
      const english =
        concept.designations.find((d) => d.lang.toLowerCase() === 'en-gb') ??
        concept.designations.find((d) => d.lang.toLowerCase().startsWith('en'));
      if (!english) {
        problems.push(`${name}: concept ${concept.code} has no English designation`);
        continue;
      }
      let index = systemIndex.get(concept.codeSystem);
      if (index === undefined) {
        index = systems.length;
        systemIndex.set(concept.codeSystem, index);
        systems.push([concept.codeSystem, concept.codeSystemName]);
      }
      concepts.push([index, concept.code, english.text.trim()]);
    }
    valueSets.push({ oid: result.valueSet.oid, name: result.valueSet.name, systems, concepts });
  }
  return { mvc: { format: FORMAT, valueSets }, problems };
}

/** The compact file → value sets for the catalogue; throws with an operator's message when it is not one. */
export function readCompactMvc(json: string): LtrValueSet[] {
  const parsed = compactSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`not a compact MVC file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.valueSets.map((valueSet) => ({
    oid: valueSet.oid,
    name: valueSet.name,
    concepts: valueSet.concepts.map((concept, index) => {
      if (!isConceptTuple(concept))
        throw new Error(
          `not a compact MVC file: value set ${valueSet.oid}, concept #${index + 1} is not [system, code, term]`,
        );
      const [system, code, english] = concept;
      const [codeSystem, codeSystemName] = valueSet.systems[system] ?? [];
      if (codeSystem === undefined) throw new Error(`value set ${valueSet.oid}: concept ${code} names no system`);
      return { code, codeSystem, codeSystemName, designations: [{ lang: 'en-GB', text: english }] };
    }),
  }));
}

/** "…42.5.xml" before "…42.10.xml". */
function byValueSetNumber(a: string, b: string): number {
  const number = (name: string) => Number(/\.(\d+)\.xml$/.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return number(a) - number(b) || a.localeCompare(b);
}
