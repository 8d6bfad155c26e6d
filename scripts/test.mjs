// `npm test`: every check CI runs, in order, stopping at the first failure: lint, formatting, type checks,
// unit and integration tests of every package (against a private Redis it starts), the SPA build, and the
// browser journeys in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

const steps = [
  ['Lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['Formatting', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ['Type checks', bin('pnpm'), ['-r', '--workspace-concurrency=1', 'run', 'typecheck']],
  [
    'Unit and integration tests',
    process.execPath,
    ['--experimental-vm-modules', join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--maxWorkers=2', '--ci'],
  ],
  ['SPA build', bin('pnpm'), ['--filter', '@sesali/client', 'run', 'build', '--logLevel', 'warn']],
  ['Bundle budget', process.execPath, [join(root, 'scripts', 'bundle-budget.mjs')]],
  ['Browser journeys', bin('playwright', 'e2e'), ['test'], { cwd: join(root, 'e2e') }],
];
for (const [title, command, args, options] of steps) {
  console.log(`\n▶ ${title}`);
  run(command, args, options);
}
console.log('\n✓ All checks passed.');
process.exit(0);
