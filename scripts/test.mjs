// `npm test`: every check CI runs, stopping at the first failure: lint beside formatting, type checks and the
// unit and integration tests of every package (against a private Redis it starts; PostgreSQL is the machine's),
// and beside the preparation of Node 24, the SPA build and its size budget; then the server side again on
// Node 24, and the browser journeys in Debian's Chromium (its headless shell).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_24 } from './node24.mjs';
import { bin, ensureInstalled, root, run } from './workspace.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';
const REDIS_PORT = 6390;
const PREPARING_NODE_24 = `Preparing Node 24 (${NODE_24})`;

function requireSystemTool(found, what, install) {
  if (found) return;
  console.error(
    `✗ ${what} is needed by the tests and was not found.\n  Install it (${install}), or run .ci/run as root, which does.`,
  );
  process.exit(1);
}

requireSystemTool(
  existsSync(CHROMIUM),
  `Chromium's headless shell (${CHROMIUM})`,
  'apt-get install chromium-headless-shell',
);
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

const running = new Set();
/** Stops a step started by `captured` with everything it started; it may have ended meanwhile. */
const stop = (child, signal = 'SIGTERM') => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
// The steps side by side have their own process groups, which the terminal's Ctrl-C does not reach.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const child of running) stop(child, signal);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });

/** Runs a command with its output kept, for steps that run side by side: resolves with its exit code. */
function captured(command, args, options = {}) {
  return new Promise((resolve) => {
    // Its own process group, so that stopping it stops what it started (Jest's workers) too.
    const child = spawn(command, args, { cwd: root, ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

/**
 * Several sequences of steps side by side, each step's output printed whole when it ends. The first failure
 * stops the other sequences (their running step is killed) and ends the run with its exit code.
 */
async function sideBySide(sequences) {
  const done = [];
  let failed;
  const print = ({ title, seconds, code, output }) => {
    console.log(`\n▶ ${title} (${seconds.toFixed(0)} s)`);
    if (output.trim() && (code !== 0 || title !== PREPARING_NODE_24)) console.log(output.trimEnd());
  };
  await Promise.all(
    sequences.map(async (sequence) => {
      for (const [title, command, args, options] of sequence) {
        if (failed) return;
        const started = Date.now();
        const result = await captured(command, args, options);
        const step = { title, seconds: (Date.now() - started) / 1000, ...result };
        if (failed) return; // killed because another step failed: not a failure of its own
        done.push(step);
        print(step);
        if (result.code !== 0) {
          failed = step;
          for (const child of running) stop(child);
          return;
        }
      }
    }),
  );
  if (failed) {
    console.error(`\n✗ ${failed.title} failed (exit ${failed.code}).`);
    process.exit(failed.code);
  }
  return done;
}

// Node's young generation raised from 16 to 64 MB for Jest and its workers (they inherit the flag): the tests
// allocate many short-lived objects (modules loaded per test file), and fewer scavenges cut their CPU by 6–8 %.
const JEST_NODE = ['--experimental-vm-modules', '--max-semi-space-size=64'];
const JEST = [jest, '--maxWorkers=2', '--ci'];
// Formatting and types keep what they found between runs, in node_modules/.cache (a fresh clone starts without):
// Prettier by each file's content, tsc by its incremental build information, which tracks what depends on
// what. Lint keeps nothing: a type-aware rule's finding in one file can change with another file.
const CACHE = join(root, 'node_modules', '.cache', 'sesali');
const tsc = (project, name) => [
  bin('tsc'),
  ['-p', project, '--incremental', '--tsBuildInfoFile', join(CACHE, `tsc-${name}.tsbuildinfo`)],
];

// Everything CPU-bound shares the two cores from the start: lint beside formatting, type checks and then the
// unit and integration tests (which begin while lint ends), and beside the preparation of Node 24, the SPA
// build and its size budget. Then the server side on Node 24, and the browser journeys.
const prepared = await sideBySide([
  [['Lint', bin('eslint'), ['.', '--max-warnings=0']]],
  [
    ['Formatting', bin('prettier'), ['--check', '.', '--log-level', 'warn', '--cache', '--cache-strategy', 'content']],
    ['Type checks (Node side: shared, bff, mocks, e2e, scripts)', ...tsc('.', 'node')],
    ['Type checks (SPA)', ...tsc('client', 'client')],
    ['Unit and integration tests', process.execPath, [...JEST_NODE, ...JEST]],
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
  // The server side again on the next LTS, so the runtime can move up (the SPA runs in browsers, not on Node).
  [
    `Server-side tests on Node 24 (${NODE_24})`,
    node24.node,
    [...JEST_NODE, ...JEST, '--selectProjects', 'shared', 'bff', 'mocks'],
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
