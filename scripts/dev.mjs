// `npm run dev`: hot reload. Vite serves the SPA on :5173 and proxies /api and /auth to the BFF (with the PSC
// simulator), which restarts on every change of its sources.
import { join } from 'node:path';
import { bin, ensureInstalled, foreground, root } from './workspace.mjs';

ensureInstalled();
foreground(bin('tsx'), ['watch', '--clear-screen=false', 'bff/src/dev-server.ts'], {
  env: { PUBLIC_URL: 'http://localhost:5173', SERVE_SPA: 'false' },
});
foreground(bin('vite', 'client'), [], { cwd: join(root, 'client') });
