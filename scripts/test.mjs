// `npm test`: every check CI runs, stopping at the first failure: lint beside formatting and type checks (and
// the preparation of Node 24, the SPA build and its size budget), the unit and integration tests of every
// package (against a private Redis it starts; PostgreSQL is the machine's), the server side again on Node 24,
// and the browser journeys in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_24 } from './node24.mjs';
import { bin, ensureInstalled, root, run } from './workspace.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REDIS_PORT = 6390;
const PREPARING_NODE_24 = `Preparing Node 24 (${NODE_24})`;

function requireSystemTool(found, what, install) {
  if (found) return;
  console.error(
    `✗ ${what} is needed by the tests and was not found.\n  Install it (${install}), or run .ci/run as root, which does.`,
  );
  process.exit(1);
}

requireSystemTool(existsSync(CHROMIUM), `Chromium (${CHROMIUM})`, 'apt-get install chromium');
requireSystemTool(
  spawnSync('redis-server', ['--version']).status === 0,
  'redis-server',
  'apt-get install redis-server',
);
ensureInstalled();

// A private Redis for the session-store tests, gone when the tests end.
const redis = spawn(
  'redis-server',
  ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  {
    stdio: 'ignore',
  },
);
redis.unref();
process.on('exit', () => redis.kill());
process.env.REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

/** Runs a command with its output kept, for steps that run side by side: resolves with its exit code. */
function captured(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Several sequences of steps side by side (each step is single-threaded); each step's output printed whole. */
async function sideBySide(sequences) {
  const results = await Promise.all(
    sequences.map(async (sequence) => {
      const done = [];
      for (const [title, command, args, options] of sequence) {
        const started = Date.now();
        const result = await captured(command, args, options);
        done.push({ title, seconds: (Date.now() - started) / 1000, ...result });
        if (result.code !== 0) break;
      }
      return done;
    }),
  );
  for (const { title, seconds, code, output } of results.flat()) {
    console.log(`\n▶ ${title} (${seconds.toFixed(0)} s)`);
    if (output.trim() && (code !== 0 || title !== PREPARING_NODE_24)) console.log(output.trimEnd());
    if (code !== 0) {
      console.error(`\n✗ ${title} failed (exit ${code}).`);
      process.exit(code);
    }
  }
  return results.flat();
}

// Static checks, two at a time (lint; formatting then types), while Node 24 is fetched and its SQLite built
// and the SPA is built for the journeys.
const prepared = await sideBySide([
  [['Lint', bin('eslint'), ['.', '--max-warnings=0']]],
  [
    ['Formatting', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
    ['Type checks', bin('pnpm'), ['-r', '--workspace-concurrency=1', 'run', 'typecheck']],
  ],
  [
    [PREPARING_NODE_24, process.execPath, [join(root, 'scripts', 'node24.mjs'), '--json']],
    ['SPA build', bin('pnpm'), ['--filter', '@sesali/client', 'run', 'build', '--logLevel', 'warn']],
    ['Bundle budget', process.execPath, [join(root, 'scripts', 'bundle-budget.mjs')]],
  ],
]);
const node24 = JSON.parse(
  prepared
    .find(({ title }) => title === PREPARING_NODE_24)
    .output.trim()
    .split('\n')
    .at(-1),
);

const steps = [
  ['Unit and integration tests', process.execPath, ['--experimental-vm-modules', jest, '--maxWorkers=2', '--ci']],
  // The server side again on the next LTS, so the runtime can move up (the SPA runs in browsers, not on Node).
  [
    `Server-side tests on Node 24 (${NODE_24})`,
    node24.node,
    ['--experimental-vm-modules', jest, '--maxWorkers=2', '--ci', '--selectProjects', 'shared', 'bff', 'mocks'],
    { env: { ...process.env, ...node24.env } },
  ],
  ['Browser journeys', bin('playwright', 'e2e'), ['test'], { cwd: join(root, 'e2e') }],
];
for (const [title, command, args, options] of steps) {
  console.log(`\n▶ ${title}`);
  run(command, args, options);
}
console.log('\n✓ All checks passed.');
process.exit(0);
