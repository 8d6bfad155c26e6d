/**
 * Maintainer tool: rewrites bff/terminology/mvc.json from the MVC's LTR XML files (bff/terminology/mvc/).
 * Run it after replacing the MVC files with a newer export; a test fails while the two differ.
 *
 *   npm run terminology:compile-mvc
 */
import { writeFile } from 'node:fs/promises';
import { compileMvc, MVC_COMPACT_FILE, MVC_XML_DIRECTORY } from './mvc-compact';

const { mvc, problems } = await compileMvc();
for (const problem of problems) console.error(`MVC problem: ${problem}`);
await writeFile(MVC_COMPACT_FILE, `${JSON.stringify(mvc)}\n`);
const concepts = mvc.valueSets.reduce((sum, valueSet) => sum + valueSet.concepts.length, 0);
console.log(
  `Wrote ${MVC_COMPACT_FILE}: ${mvc.valueSets.length} value sets, ${concepts} concepts, from ${MVC_XML_DIRECTORY}`,
);
