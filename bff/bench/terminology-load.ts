/**
 * Benchmark of the terminology catalogue at boot: time to load the whole shipped catalogue (the compact MVC,
 * then the project's French files), and the heap it adds; beside it, in the same run, the time the same MVC
 * would take from its 51 XML files, which is what the compact form saves.
 *
 *   node --expose-gc --import tsx bff/bench/terminology-load.ts
 *
 * Each load runs in this process several times; medians are printed. Targets: under 1 s and under 60 MB.
 */
import { compileMvc } from '../src/terminology/mvc-compact';
import { loadTerminology } from '../src/terminology/load';

const RUNS = 7;
const TARGET_MS = 1000;
const TARGET_MB = 60;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('Run with --expose-gc: node --expose-gc --import tsx bff/bench/terminology-load.ts');
  process.exit(2);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function timeIt(action: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  return times;
}

const loadTimes = await timeIt(() => loadTerminology());
const xmlTimes = await timeIt(() => compileMvc());

// Heap added by one loaded catalogue, kept alive, after collections on both sides.
gc();
gc();
const before = process.memoryUsage().heapUsed;
const { catalogue, problems } = await loadTerminology();
gc();
gc();
const addedMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;

const loadMs = median(loadTimes);
const xmlMs = median(xmlTimes);
console.log(`Catalogue: ${catalogue.conceptCount} concepts in ${catalogue.valueSetCount} value sets`);
if (problems.length > 0) console.log(`Problems: ${problems.length} (first: ${problems[0]?.message})`);
console.log(`Load (compact MVC + French files), median of ${RUNS}: ${loadMs.toFixed(0)} ms (target < ${TARGET_MS} ms)`);
console.log(
  `MVC from its XML files alone, median of ${RUNS}: ${xmlMs.toFixed(0)} ms (${(xmlMs / loadMs).toFixed(1)}× the load)`,
);
console.log(`Heap added by the loaded catalogue: ${addedMb.toFixed(1)} MB (target < ${TARGET_MB} MB)`);
// Keep the catalogue reachable until after the measure.
if (catalogue.conceptCount === 0) process.exitCode = 1;
