/**
 * Development and QA entry point (`npm start`, `npm run dev`, the browser tests): the whole service on
 * embedded defaults. It generates development secrets once under .data/, starts the Pro Santé Connect
 * simulator on its own port, and the BFF with the built SPA. The only place where the BFF imports mocks.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { createFixtureStore, FIXTURES_RECHECK_MS, memberStateHandlers } from '@sesali/mocks/member-states';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { startPscSimulator } from '@sesali/mocks/psc';
import { createRemoteJWKSet } from 'jose';
import { setupServer } from 'msw/node';
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
  /** Where the simulated member states answer; a reserved .test name nothing else resolves. */
  CONTACT_POINT_URL: z.url().default('http://ncp.sesali.test'),
  /** A QA engineer's own countries and patients, added to mocks/fixtures. */
  MOCKS_FIXTURES_DIR: z.string().optional(),
  MOCKS_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

const devSecretsSchema = z.object({
  sessionSecret: z.string().min(32),
  pscClientSecret: z.string().min(16),
  auditHmacKey: z.string().min(32),
});

/** Development secrets: generated at first start, kept so sessions survive a restart. Never used in production. */
function loadDevSecrets(dataDir: string): z.infer<typeof devSecretsSchema> {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    const parsed = devSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const secrets = {
    sessionSecret: randomBytes(32).toString('hex'),
    pscClientSecret: randomBytes(24).toString('hex'),
    auditHmacKey: randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The assertion signing key of development: generated once, PKCS#8 PEM like a production key file. */
function devAssertionKey(dataDir: string): string {
  const file = join(dataDir, 'assertion-key.pem');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return file;
}

/**
 * The simulated member states, answering the BFF's fetch calls to CONTACT_POINT_URL in this process (msw/node).
 * Every other request (PSC simulator, the BFF's own JWKS) goes through to the network.
 */
function startMemberStates(dev: z.infer<typeof devEnv>) {
  const dirs = [shippedFixturesDir, ...(dev.MOCKS_FIXTURES_DIR ? [resolve(dev.MOCKS_FIXTURES_DIR)] : [])];
  const fixtures = createFixtureStore(
    dirs,
    (problems) => {
      console.warn(`Simulated member states: ${problems.length} fixture problem(s), left out:`);
      for (const p of problems) console.warn(`  - ${p.file}: ${p.problem}`);
    },
    { recheckAfterMs: FIXTURES_RECHECK_MS },
  );
  fixtures.snapshot();
  const server = setupServer(
    ...memberStateHandlers({
      baseUrl: dev.CONTACT_POINT_URL,
      fixtures,
      keys: createRemoteJWKSet(new URL(`http://localhost:${dev.PORT}/.well-known/jwks.json`)),
      audience: new URL(dev.CONTACT_POINT_URL).origin,
      latencyMs: dev.MOCKS_LATENCY_MS,
    }),
  );
  server.listen({ onUnhandledRequest: 'bypass' });
  return server;
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

  const memberStates = startMemberStates(dev);

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
    AUDIT_HMAC_KEY: secrets.auditHmacKey,
    DATA_DIR: dev.DATA_DIR,
    STATIC_DIR: staticDir,
    CONTACT_POINT_URL: dev.CONTACT_POINT_URL,
    ASSERTION_KEY_FILE: devAssertionKey(dev.DATA_DIR),
  });
  await start(config, {
    onClose: async () => {
      memberStates.close();
      await psc.close();
    },
  });

  console.log(`\n  Pro Santé Connect simulator: ${psc.issuer}`);
  console.log(
    `  Simulated member states:     ${dev.CONTACT_POINT_URL} (fixtures: mocks/fixtures${dev.MOCKS_FIXTURES_DIR ? ` + ${dev.MOCKS_FIXTURES_DIR}` : ''})`,
  );
  if (!staticDir) console.log('  No built SPA (client/dist): serve it with the Vite dev server (npm run dev).');
  console.log(`\n  Sesali is running. Open ${publicUrl}\n  Press Ctrl-C to stop.\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
