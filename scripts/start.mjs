// `npm start`: the whole service on embedded defaults (PSC simulator, simulated member states, SQLite),
// built SPA served by the BFF. Prints the URL to open; Ctrl-C stops everything.
import { join } from 'node:path';
import { bin, ensureInstalled, foreground, root, run } from './workspace.mjs';

ensureInstalled();
console.log('Building the web application…');
run(bin('vite', 'client'), ['build', '--logLevel', 'warn'], { cwd: join(root, 'client') });
foreground(bin('tsx'), ['bff/src/dev-server.ts']);
