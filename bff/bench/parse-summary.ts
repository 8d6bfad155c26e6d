/**
 * Benchmark of the document layer: parse + translate of eHDSI CDA summaries from ~20 KB to ~2 MB, next to a
 * bare saxes streaming parse (decode + tokenise, no-op handlers) of the same bytes in the same run.
 *
 *   npx tsx bff/bench/parse-summary.ts
 *
 * Documents are built from a fixture by repeating its entries section by section. Targets: a 160 KB summary
 * in ≤ 5 ms (median) and ≤ 3× the bare parse; cost linear in size (ms per 100 KB roughly constant).
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { readPatientSummary } from '../src/documents/read-summary';
import { loadTerminology } from '../src/terminology/load';

const FIXTURE = new URL('../../mocks/fixtures/HR/patients/complete/ps-l3.xml', import.meta.url);
const SIZES_KB = [20, 40, 80, 160, 320, 640, 1280, 2048];
const TARGET_KB = 160;
const TARGET_MS = 5;
const TARGET_RATIO = 3;

interface SectionParts {
  open: string;
  entries: string[];
  close: string;
}

/** Splits the fixture into header, sections (shell + entries) and footer. */
function splitFixture(xml: string): { head: string; sections: SectionParts[]; tail: string } {
  const bodyStart = xml.indexOf('<structuredBody>') + '<structuredBody>'.length;
  const bodyEnd = xml.indexOf('</structuredBody>');
  const body = xml.slice(bodyStart, bodyEnd);
  const sections: SectionParts[] = [];
  for (const match of body.matchAll(/<component>\s*<section[\s\S]*?<\/section>\s*<\/component>/g)) {
    const text = match[0];
    const first = text.indexOf('<entry');
    const last = text.lastIndexOf('</entry>') + '</entry>'.length;
    const entries = first < 0 ? [] : [...text.slice(first, last).matchAll(/<entry[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    sections.push({
      open: first < 0 ? text : text.slice(0, first),
      entries,
      close: first < 0 ? '' : text.slice(last),
    });
  }
  return { head: xml.slice(0, bodyStart), sections, tail: xml.slice(bodyEnd) };
}

/** A document of about `targetBytes`: every section shell once, entries added round-robin until the size is reached. */
function buildDocument(parts: ReturnType<typeof splitFixture>, targetBytes: number): Buffer {
  const chosen = parts.sections.map(() => [] as string[]);
  let size = Buffer.byteLength(parts.head + parts.tail);
  for (const section of parts.sections) size += Buffer.byteLength(section.open + section.close);
  for (let round = 0; size < targetBytes; round++) {
    let added = false;
    parts.sections.forEach((section, index) => {
      const entry = section.entries[round % Math.max(section.entries.length, 1)];
      if (entry === undefined || size >= targetBytes) return;
      chosen[index]?.push(entry);
      size += Buffer.byteLength(entry);
      added = true;
    });
    if (!added) break;
  }
  const body = parts.sections.map((section, index) => section.open + (chosen[index] ?? []).join('') + section.close);
  return Buffer.from(parts.head + body.join('') + parts.tail, 'utf8');
}

function bareParse(bytes: Buffer): number {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let events = 0;
  parser.on('opentag', () => events++);
  parser.on('closetag', () => events++);
  parser.on('text', () => events++);
  parser.write(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).close();
  return events;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timed(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Bare parse and parse + translate, in alternating blocks of runs: both meet the same machine conditions,
 * and each block pays for its own garbage (a run does not leave its collection to the other path's timing).
 */
function measure(bytes: Buffer, iterations: number, full: () => unknown): { bare: number; full: number } {
  const bareTimes: number[] = [];
  const fullTimes: number[] = [];
  const block = Math.max(3, Math.round(iterations / 10));
  while (fullTimes.length < iterations) {
    for (let i = 0; i < block; i++) bareTimes.push(timed(() => bareParse(bytes)));
    for (let i = 0; i < block; i++) fullTimes.push(timed(full));
  }
  return { bare: median(bareTimes), full: median(fullTimes) };
}

const { catalogue } = await loadTerminology();
const parts = splitFixture(readFileSync(FIXTURE, 'utf8'));

console.log('Patient Summary parse + translate (CDA L3), median of repeated runs, same process');
console.log(`node ${process.version}, fixture HR/complete repeated to size\n`);
console.log(['size KB', 'entries', 'bare saxes ms', 'parse+translate ms', 'ratio', 'ms per 100 KB'].join('\t'));

const rows: { kb: number; full: number; ratio: number }[] = [];
for (const kb of SIZES_KB) {
  const bytes = buildDocument(parts, kb * 1024);
  const iterations = Math.max(15, Math.min(400, Math.round(40_000 / kb)));
  // Warm-up, so both paths are measured optimised.
  for (let i = 0; i < Math.max(10, iterations / 4); i++) {
    bareParse(bytes);
    readPatientSummary(bytes, 'text/xml', catalogue);
  }
  const summary = readPatientSummary(bytes, 'text/xml', catalogue);
  const { bare, full } = measure(bytes, iterations, () => readPatientSummary(bytes, 'text/xml', catalogue));
  const actualKb = bytes.byteLength / 1024;
  rows.push({ kb, full, ratio: full / bare });
  console.log(
    [
      actualKb.toFixed(0),
      summary.counts.seen,
      bare.toFixed(2),
      full.toFixed(2),
      (full / bare).toFixed(2),
      ((full / actualKb) * 100).toFixed(2),
    ].join('\t'),
  );
}

const target = rows.find((row) => row.kb === TARGET_KB);
if (target) {
  const ok = target.full <= TARGET_MS && target.ratio <= TARGET_RATIO;
  console.log(
    `\n${TARGET_KB} KB: ${target.full.toFixed(2)} ms (target ≤ ${TARGET_MS} ms), ${target.ratio.toFixed(2)}× bare parse ` +
      `(target ≤ ${TARGET_RATIO}×): ${ok ? 'OK' : 'MISSED'}`,
  );
}
