// Helpers for the root scripts: install the workspace with the pinned pnpm on first use, run commands.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM = ['--yes', 'pnpm@12.4.2'];

/** Installs with the lockfile when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies with pnpm 12.4.2 (first run: a few minutes, better-sqlite3 compiles)…');
  run('npx', [...PNPM, 'install', '--frozen-lockfile']);
}

/** Runs a command in the foreground; exits the process with its code when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** A package's executable: bin('vite', 'client') is client/node_modules/.bin/vite. */
export const bin = (name, dir = '.') => join(root, dir, 'node_modules', '.bin', name);

const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}

/**
 * Starts a long-running child sharing the terminal. Ctrl-C reaches every child; when one ends, the others are
 * stopped and we exit with its code.
 */
export function foreground(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    children.forEach((other) => other.kill('SIGTERM'));
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });
  return child;
}
