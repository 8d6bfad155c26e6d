import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// In development the SPA is served by Vite and the BFF runs beside it (npm run dev): /api and /auth are
// proxied so the browser sees one origin, as in production.
const bff = process.env.BFF_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': bff, '/auth': bff, '/healthz': bff },
  },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // The plugin-timing report is noise in CI logs.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
