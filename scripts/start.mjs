// `npm start`: the whole service on embedded defaults (PSC simulator, simulated member states, SQLite),
// built SPA served by the BFF. Prints the URL to open; Ctrl-C stops everything.
import { bin, ensureInstalled, foreground, run } from './workspace.mjs';

ensureInstalled();
console.log('Building the web application…');
run(bin('pnpm'), ['--filter', '@sesali/client', '--silent', 'run', 'build', '--logLevel', 'warn']);
foreground(bin('tsx'), ['bff/src/dev-server.ts']);
