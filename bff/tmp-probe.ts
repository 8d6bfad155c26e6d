import { readFileSync, readdirSync } from 'node:fs';
import { readPatientSummary } from './src/documents/read-summary';
import { loadTerminology } from './src/terminology/load';
import { codedValues } from './src/documents/testing/fixtures';
const { catalogue } = await loadTerminology();
const dir = '/work/main/bff/test-data/cda/';
for (const f of readdirSync(dir).sort()) {
  if (f.includes('L1')) continue;
  const s = readPatientSummary(readFileSync(dir + f), 'text/xml', catalogue, { maxBytes: 1e8 });
  const all = codedValues(s);
  const nfText = all.filter(({ value }) => value.nullFlavor && value.display.source === 'document');
  const react = nfText.filter(({ path }) => path.includes('reactions') || path.includes('agent'));
  const entries = [...s.sections, ...s.unknownSections].reduce((n, x) => n + x.entries.length, 0);
  const seen = [...s.sections, ...s.unknownSections].reduce((n, x) => n + x.counts.seen, 0);
  const withText = all.filter(({ value }) => value.originalText !== undefined).length;
  console.log(`${f}\tseen=${seen}\trendered=${entries}\toriginalTextValues=${withText}\tnullFlavorShownAsText=${nfText.length}\treactionOrAgent=${react.length}\t${s.header.patient.identifiers.map(i=>i.root+'/'+i.extension).join(',')}`);
}
