/**
 * Development and QA entry point (`npm start`, `npm run dev`, the browser tests): the whole service on
 * embedded defaults. It generates development secrets once under .data/, starts the Pro Santé Connect
 * simulator on its own port, and the BFF with the built SPA. The only place where the BFF imports mocks.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startPscSimulator } from '@sesali/mocks/psc';
import { z } from 'zod';
import { ConfigError, loadConfig } from './config/config';
import { start } from './start';

const repoRoot = resolve(import.meta.dirname, '..', '..');

const devEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PSC_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  DATA_DIR: z.string().min(1).default(join(repoRoot, '.data')),
  PUBLIC_URL: z.url().optional(),
  STATIC_DIR: z.string().optional(),
  /** false under `npm run dev`, where Vite serves the SPA. */
  SERVE_SPA: z.enum(['true', 'false']).default('true'),
});

const devSecretsSchema = z.object({ sessionSecret: z.string().min(32), pscClientSecret: z.string().min(16) });

/** Development secrets: generated at first start, kept so sessions survive a restart. Never used in production. */
function loadDevSecrets(dataDir: string): z.infer<typeof devSecretsSchema> {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    const parsed = devSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const secrets = { sessionSecret: randomBytes(32).toString('hex'), pscClientSecret: randomBytes(24).toString('hex') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function main(): Promise<void> {
  const parsed = devEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const dev = parsed.data;
  const publicUrl = dev.PUBLIC_URL ?? `http://localhost:${dev.PORT}`;
  const defaultStatic = join(repoRoot, 'client', 'dist');
  const staticDir =
    dev.SERVE_SPA === 'false'
      ? undefined
      : (dev.STATIC_DIR ?? (existsSync(join(defaultStatic, 'index.html')) ? defaultStatic : undefined));
  const secrets = loadDevSecrets(dev.DATA_DIR);

  const psc = await startPscSimulator({
    port: dev.PSC_SIM_PORT,
    clients: [
      {
        clientId: 'sesali-dev',
        clientSecret: secrets.pscClientSecret,
        redirectUris: [`${publicUrl}/auth/callback`],
        postLogoutRedirectUris: [`${publicUrl}/`],
      },
    ],
  });

  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    ...process.env,
    PORT: String(dev.PORT),
    PUBLIC_URL: publicUrl,
    PSC_DISCOVERY_URL: psc.discoveryUrl,
    PSC_ALLOW_HTTP: 'true',
    PSC_CLIENT_ID: 'sesali-dev',
    PSC_CLIENT_SECRET: secrets.pscClientSecret,
    SESSION_SECRET: secrets.sessionSecret,
    SESSION_SQLITE_PATH: process.env.SESSION_SQLITE_PATH ?? join(dev.DATA_DIR, 'sessions.sqlite'),
    STATIC_DIR: staticDir,
  });
  await start(config, { onClose: () => psc.close() });

  console.log(`\n  Pro Santé Connect simulator: ${psc.issuer}`);
  if (!staticDir) console.log('  No built SPA (client/dist): serve it with the Vite dev server (npm run dev).');
  console.log(`\n  Sesali is running. Open ${publicUrl}\n  Press Ctrl-C to stop.\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
