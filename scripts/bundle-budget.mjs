// Size budget of the built SPA (client/dist): what a clinician's browser downloads before the first page,
// gzip-compressed, against fixed budgets; the summary viewer must stay out of it (a lazily loaded chunk).
// Prints every figure; exits 1 when a budget is exceeded.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './workspace.mjs';

const dist = join(root, 'client', 'dist');
const BUDGET_KB = { initialJs: 180, initialCss: 110, summaryChunk: 40 };

const gz = (file) => gzipSync(readFileSync(join(dist, file))).byteLength / 1024;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const initialJs = initial.filter((f) => f.endsWith('.js'));
const initialCss = initial.filter((f) => f.endsWith('.css'));
const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const summaryChunk = chunks.find((f) => f.startsWith('summary-page-'));

const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const rows = [
  ['initial JavaScript', sum(initialJs), BUDGET_KB.initialJs],
  ['initial CSS', sum(initialCss), BUDGET_KB.initialCss],
  ['summary viewer chunk', summaryChunk ? gz(join('assets', summaryChunk)) : NaN, BUDGET_KB.summaryChunk],
];
console.log('SPA bundle, gzip KB (budget)');
for (const [name, size, budget] of rows) console.log(`  ${name.padEnd(22)} ${size.toFixed(1).padStart(7)} (${budget})`);
console.log(
  `  chunks: ${chunks.length}, total JS ${(chunks.reduce((n, f) => n + statSync(join(dist, 'assets', f)).size, 0) / 1024).toFixed(0)} KB raw`,
);

const problems = rows.filter(([, size, budget]) => !(size <= budget)).map(([name]) => `${name} over budget`);
if (!summaryChunk) problems.push('no separate summary-page chunk');
if (summaryChunk && initial.includes(`assets/${summaryChunk}`)) problems.push('the summary viewer is loaded up front');
if (problems.length > 0) {
  console.error(`✗ ${problems.join('; ')}`);
  process.exit(1);
}
