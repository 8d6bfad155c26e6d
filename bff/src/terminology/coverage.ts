/**
 * Operator tool: how the catalogue (the shipped one plus TERMINOLOGY_DIR when set) translates Patient
 * Summaries (CDA L3 or FHIR Bundles). Give it files or folders; it prints, per document and in total, the
 * shares of values shown in French, in the English reference, in the source language, as missing data, and
 * as « Terme non fourni », the bare codes (always 0), then the most frequent codes without French by value set.
 *
 *   npm run terminology:coverage -- <document | folder> [more…] [--details]
 *
 * --details also lists each document's gaps with where they are. Exit code 0 when every document was read;
 * 2 when none was given or one could not be read (the others are still reported).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PatientSummary } from '@sesali/shared';
import { parseCdaPatientSummary } from '../documents/cda/parse-cda';
import { DocumentError } from '../documents/errors';
import { parseFhirPatientSummary } from '../documents/fhir/parse-fhir';
import { translateSummary } from '../documents/translate';
import { corpusCoverage, coverageReport, share, type CoverageReport, type LevelCounts } from './coverage-report';
import { loadTerminology } from './load';
import { PAGE_VALUE_SETS, pageValueSetsNotFrench } from './page-value-sets';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;
const TOP_CODES_PER_VALUE_SET = 8;

async function documentsIn(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const name of (await readdir(path)).sort()) {
    const child = join(path, name);
    const childInfo = await stat(child);
    if (childInfo.isDirectory()) out.push(...(await documentsIn(child)));
    else if (/\.(xml|json)$/i.test(name)) out.push(child);
  }
  return out;
}

function parse(bytes: Buffer, path: string): PatientSummary {
  const isJson = path.toLowerCase().endsWith('.json') || bytes.toString('utf8', 0, 64).trimStart().startsWith('{');
  return isJson
    ? parseFhirPatientSummary(bytes, { maxBytes: NO_LIMIT })
    : parseCdaPatientSummary(bytes, { maxBytes: NO_LIMIT });
}

const levelsLine = (levels: LevelCounts, values: number): string =>
  [
    `French ${share(levels.fr, values)}`,
    `English ${share(levels.en, values)}`,
    `source language ${share(levels.original, values)}`,
    `absent ${share(levels.absent, values)}`,
    `term not given ${share(levels.unnamed, values)}`,
  ].join(', ');

async function main(argv: string[]): Promise<number> {
  const details = argv.includes('--details');
  const paths = argv.filter((arg) => !arg.startsWith('--'));
  if (paths.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: npm run terminology:coverage -- <document | folder> [more…] [--details]');
    console.log(
      'Shares of coded values shown in French, English, the source language… (bff/terminology + TERMINOLOGY_DIR).',
    );
    return paths.length === 0 ? 2 : 0;
  }

  const { catalogue, problems, files } = await loadTerminology({ extraDirectory: process.env.TERMINOLOGY_DIR });
  for (const { directory, source, count } of files)
    console.log(`Catalogue (${source}): ${count} value sets from ${directory}`);
  console.log(`Catalogue: ${catalogue.conceptCount} concepts in ${catalogue.valueSetCount} value sets`);
  for (const problem of problems) console.log(`Catalogue problem: ${problem.path}: ${problem.message}`);
  console.log('');

  let exitCode = 0;
  const reports: CoverageReport[] = [];
  for (const path of paths) {
    for (const document of await documentsIn(path)) {
      let summary: PatientSummary;
      try {
        summary = translateSummary(parse(await readFile(document), document), catalogue);
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        console.log(`${basename(document)}: not read (${error.detail})`);
        exitCode = 2;
        continue;
      }
      const report = coverageReport(summary, catalogue);
      reports.push(report);
      console.log(
        `${basename(document)} (${summary.header.language}): ${report.values} values — ${levelsLine(report.levels, report.values)}; bare codes ${report.bareCodes}`,
      );
      if (details)
        for (const gap of report.gaps)
          console.log(`    ${gap.level.padEnd(8)} ${gap.code ?? '(no code)'} ${gap.displayName ?? ''} — ${gap.where}`);
    }
  }

  const total = corpusCoverage(reports);
  console.log('');
  console.log(`Total: ${total.documents} documents, ${total.values} coded values`);
  console.log(`  ${levelsLine(total.levels, total.values)}`);
  console.log(`  bare codes shown as a term: ${total.bareCodes}`);
  const notFrench = pageValueSetsNotFrench(catalogue);
  const pageSets = Object.keys(PAGE_VALUE_SETS).length;
  console.log(`  value sets that shape the page entirely in French: ${pageSets - notFrench.length} of ${pageSets}`);
  for (const { name, oid, missing } of notFrench)
    console.log(`    ${name} (${oid}): ${missing} concepts without French`);
  console.log(
    `  medicinal product codes (named by the product's name, not translated; not in the shares): ${total.productCodes}`,
  );
  if (total.missing.size > 0) {
    console.log('');
    console.log('Most frequent codes not shown in French, by value set:');
    const groups = [...total.missing.entries()]
      .map(([group, codes]) => ({ group, codes, count: [...codes.values()].reduce((sum, c) => sum + c.count, 0) }))
      .sort((a, b) => b.count - a.count);
    for (const { group, codes, count } of groups) {
      const name = catalogue.valueSetName(group);
      console.log(`  ${name ? `${name} (${group})` : group}: ${count}`);
      const top = [...codes.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, TOP_CODES_PER_VALUE_SET);
      for (const [code, { count: n, displayName, level }] of top)
        console.log(`    ${String(n).padStart(3)} × ${code} [${level}] ${displayName ?? ''}`);
    }
  }
  return exitCode;
}

process.exitCode = await main(process.argv.slice(2));
