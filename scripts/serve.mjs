// `npm run serve`: the compiled BFF (bff/dist, from `npm run build`) with plain node, configured by the
// environment only (docs/configuration.md). It serves the built SPA from client/dist unless STATIC_DIR says
// otherwise. No simulator, no generated secret: this is the production entry point.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const server = join(root, 'bff', 'dist', 'server.js');
if (!existsSync(server)) {
  console.error('✗ No compiled BFF (bff/dist/server.js): run `npm run build` first.');
  process.exit(1);
}
const spa = join(root, 'client', 'dist');
const env = { ...process.env };
if (!env.STATIC_DIR && existsSync(join(spa, 'index.html'))) env.STATIC_DIR = spa;

const child = spawn(process.execPath, ['--enable-source-maps', server], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
