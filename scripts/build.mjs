// `npm run build`: the production build. The SPA into client/dist (Vite) and the BFF compiled into bff/dist
// (esbuild), started by `npm run serve` with plain node.
import { buildBff } from './build-bff.mjs';
import { bin, ensureInstalled, run } from './workspace.mjs';

ensureInstalled();
console.log('Building the web application (client/dist)…');
run(bin('pnpm'), ['--filter', '@sesali/client', '--silent', 'run', 'build', '--logLevel', 'warn']);
const { outdir } = await buildBff();
console.log(`Compiled the BFF (${outdir}). Start it with \`npm run serve\`; configuration: docs/configuration.md.`);
