/**
 * Operator tool: lists the codes of a Patient Summary (CDA L3 or FHIR Bundle) that have no French designation
 * in the terminology catalogue (the shipped one plus TERMINOLOGY_DIR when set).
 *
 *   npx tsx bff/src/terminology/coverage.ts <document>      (or: npm run terminology:coverage -- <document>)
 *
 * Exit code 0 when the document was read, whatever it lists; 2 when it could not be read.
 */
import { readFile } from 'node:fs/promises';
import { parseCdaPatientSummary } from '../documents/cda/parse-cda';
import { DocumentError } from '../documents/errors';
import { parseFhirPatientSummary } from '../documents/fhir/parse-fhir';
import { coverageReport, type CoverageGap } from './coverage-report';
import { loadTerminology } from './load';

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

async function main(argv: string[]): Promise<number> {
  const documentPath = argv[0];
  if (documentPath === undefined || documentPath === '--help' || documentPath === '-h') {
    console.log('Usage: npx tsx bff/src/terminology/coverage.ts <document.xml | document.json>');
    console.log(
      'Lists the codes that have no fr-FR designation in the catalogue (bff/terminology/fr + TERMINOLOGY_DIR).',
    );
    return documentPath === undefined ? 2 : 0;
  }

  const extraDirectory = process.env.TERMINOLOGY_DIR;
  const { catalogue, problems, files } = await loadTerminology({ extraDirectory });
  const bytes = await readFile(documentPath);
  const isJson =
    documentPath.toLowerCase().endsWith('.json') || bytes.toString('utf8', 0, 64).trimStart().startsWith('{');

  let summary;
  try {
    summary = isJson
      ? parseFhirPatientSummary(bytes, { maxBytes: NO_LIMIT })
      : parseCdaPatientSummary(bytes, { maxBytes: NO_LIMIT });
  } catch (error) {
    if (error instanceof DocumentError) {
      console.error(`Cannot read ${documentPath}: ${error.detail}`);
      return 2;
    }
    throw error;
  }

  console.log(`Document: ${documentPath} (${isJson ? 'FHIR Bundle' : 'CDA'}, language ${summary.header.language})`);
  for (const { directory, count } of files) console.log(`Catalogue: ${count} value sets from ${directory}`);
  console.log(`Catalogue: ${catalogue.conceptCount} concepts in ${catalogue.valueSetCount} value sets`);
  for (const problem of problems) console.log(`Catalogue problem: ${problem.path}: ${problem.message}`);

  const report = coverageReport(summary, catalogue);
  console.log(
    `Coded values: ${report.coded}; with a French designation: ${report.french}; without: ${report.gaps.length}`,
  );
  if (report.gaps.length > 0) {
    console.log('');
    printTable(report.gaps);
  }
  return 0;
}

function printTable(gaps: CoverageGap[]): void {
  const rows = [
    ['code', 'system', 'displayName', 'status', 'where'],
    ...gaps.map((gap) => [
      gap.code,
      gap.codeSystemName ? `${gap.codeSystem} (${gap.codeSystemName})` : gap.codeSystem,
      gap.displayName ?? '',
      gap.status,
      gap.where,
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  '),
    );
}

process.exitCode = await main(process.argv.slice(2));
