// Node 24 for the unit tests, besides the machine's Node 20: the registry's `node` package (run through npx,
// cached by npm), and better-sqlite3's addon rebuilt for its ABI (from the installed package's sources, with
// the headers the `node` package ships and npm's own node-gyp). The build is kept in the user's cache
// (~/.cache/sesali, or $XDG_CACHE_HOME/sesali), keyed by the exact versions, platform and architecture, as npm
// keeps the `node` package and pnpm the Node 20 build: every clone and worktree on the machine uses it, and it
// is used only if it loads. Returns what `npm test` needs to run Jest on it: the node binary and
// SQLITE_NATIVE_BINDING (bff/src/stores/sqlite.ts).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './workspace.mjs';

// 24.18.1, not the newest 24.x: from 24.19 Node's ObjectWrap headers add a cleanup hook that better-sqlite3 12
// (the last version that runs on Node 20) trips when a statement is garbage-collected, aborting the process
// (nodejs/node#65446). An addon built against 24.18.1 headers runs cleanly; docs/decisions/006 says more.
export const NODE_24 = 'node@24.18.1';

function output(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.status !== 0)
    throw new Error(`${[command, ...args].join(' ')} failed (${result.status}):\n${result.stderr}${result.stdout}`);
  return result.stdout.trim();
}

function headersDir(packageDir) {
  const platforms = join(packageDir, 'node_modules');
  const candidates = [
    packageDir,
    ...(existsSync(platforms) ? readdirSync(platforms).map((name) => join(platforms, name)) : []),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node_api.h')));
  if (!found) throw new Error(`No Node headers (include/node) beside ${packageDir}`);
  return found;
}

/** Whether `addon` loads in the Node at `node` (built for its ABI, with matching headers). */
function loads(node, addon) {
  if (!existsSync(addon)) return false;
  return spawnSync(node, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', addon]).status === 0;
}

export function prepareNode24() {
  const node = output('npx', ['--yes', NODE_24, '-p', 'process.execPath']);
  const version = output(node, ['-p', 'process.version']);
  const sources = realpathSync(join(root, 'bff', 'node_modules', 'better-sqlite3'));
  const { version: sqliteVersion } = JSON.parse(readFileSync(join(sources, 'package.json'), 'utf8'));
  // Keyed by the exact Node version: the headers an addon is built against matter, not only the ABI (see above).
  const userCache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'sesali');
  const cache = join(userCache, `better-sqlite3-${sqliteVersion}-node-${version}-${process.platform}-${process.arch}`);
  const addon = join(cache, 'build', 'Release', 'better_sqlite3.node');
  if (!loads(node, addon)) {
    console.log(`Building better-sqlite3 ${sqliteVersion} for Node ${version}, once per machine…`);
    mkdirSync(userCache, { recursive: true });
    // Built aside, then moved into place whole: a run stopped halfway, or another clone building at the same
    // time, never leaves a half-built cache behind.
    const building = mkdtempSync(join(userCache, 'building-'));
    try {
      cpSync(sources, building, { recursive: true, filter: (path) => !path.startsWith(join(sources, 'build')) });
      const npmRoot = output('npm', ['root', '-g']);
      const gyp = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
      if (!existsSync(gyp)) throw new Error(`npm's node-gyp was not found at ${gyp}`);
      // The `node` package installs the official tarball (node-<os>-<arch>), whose include/ has the headers
      // node-gyp would otherwise download.
      const nodedir = headersDir(dirname(dirname(node)));
      // Under `npm test`, npm exports its own settings (`npm_config_nodedir=/usr` on Debian's Node 20), which
      // node-gyp would follow instead of --nodedir: build with none of them.
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
      output(node, [gyp, 'rebuild', '--release', `--nodedir=${nodedir}`, '--jobs=2'], { cwd: building, env });
      if (!loads(node, join(building, 'build', 'Release', 'better_sqlite3.node')))
        throw new Error(`the better-sqlite3 addon built for Node ${version} does not load in it`);
      if (!loads(node, addon)) {
        rmSync(cache, { recursive: true, force: true });
        renameSync(building, cache);
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  return { node, env: { SQLITE_NATIVE_BINDING: addon } };
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(new URL(import.meta.url).pathname)) {
  const prepared = prepareNode24();
  // --json: for `npm test`, which prepares Node 24 while the static checks run.
  if (process.argv.includes('--json')) console.log(JSON.stringify(prepared));
  else
    console.log(
      `${output(prepared.node, ['--version'])} at ${prepared.node}\nSQLITE_NATIVE_BINDING=${prepared.env.SQLITE_NATIVE_BINDING}`,
    );
}
