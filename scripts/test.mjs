// `npm test`: every check CI runs, in order, stopping at the first failure: lint, formatting, type checks,
// unit and integration tests of every package (against a private Redis it starts), the SPA build, and the
// browser journeys in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_24, prepareNode24 } from './node24.mjs';
import { bin, ensureInstalled, root, run } from './workspace.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REDIS_PORT = 6390;

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
const steps = [
  ['Lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['Formatting', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['Type checks', bin('pnpm'), ['-r', '--workspace-concurrency=1', 'run', 'typecheck']],
  ['Unit and integration tests', process.execPath, ['--experimental-vm-modules', jest, '--maxWorkers=2', '--ci']],
  // The server side again on the next LTS, so the runtime can move up (the SPA runs in browsers, not on Node).
  [
    `Server-side tests on Node 24 (${NODE_24})`,
    () => prepareNode24(),
    ({ node, env }) => [
      node,
      ['--experimental-vm-modules', jest, '--maxWorkers=2', '--ci', '--selectProjects', 'shared', 'bff', 'mocks'],
      { env: { ...process.env, ...env } },
    ],
  ],
  ['SPA build', bin('pnpm'), ['--filter', '@sesali/client', 'run', 'build', '--logLevel', 'warn']],
  ['Bundle budget', process.execPath, [join(root, 'scripts', 'bundle-budget.mjs')]],
  ['Browser journeys', bin('playwright', 'e2e'), ['test'], { cwd: join(root, 'e2e') }],
];
for (const step of steps) {
  const [title, ...rest] = step;
  console.log(`\n▶ ${title}`);
  // A step is a command, or a preparation whose result gives the command (the Node 24 binary).
  let command, args, options;
  try {
    [command, args, options] = typeof rest[0] === 'function' ? rest[1](rest[0]()) : rest;
  } catch (error) {
    console.error(`✗ ${title}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  run(command, args, options);
}
console.log('\n✓ All checks passed.');
process.exit(0);
