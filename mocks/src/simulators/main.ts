/**
 * The simulators as one process of their own, for a BFF started apart (`npm run serve` on a QA platform, the
 * several-instance test, the load benchmark): the Pro Santé Connect simulator and the simulated member states,
 * each on its port. When both listen it prints one JSON line on stdout, `{"pscDiscoveryUrl":…,
 * "contactPointUrl":…}`, for the scripts that start it; Ctrl-C or SIGTERM stops both.
 *
 * Environment: SIM_PUBLIC_URL (the BFF's public URL: redirect URIs and its JWKS; required), SIM_CLIENT_ID and
 * SIM_CLIENT_SECRET (the client the BFF is configured with; required), PSC_SIM_PORT (default 4010),
 * MEMBER_STATES_PORT (default 4020), MOCKS_FIXTURES_DIR (a QA engineer's own fixtures, added),
 * MOCKS_LATENCY_MS (default 0).
 */
import { resolve } from 'node:path';
import { createRemoteJWKSet } from 'jose';
import { z } from 'zod';
import { createFixtureStore, FIXTURES_RECHECK_MS, memberStateHandlers } from '../member-states';
import { shippedFixturesDir } from '../member-states/fixtures-dir';
import { startHttpMockServer } from '../member-states/http-server';
import { startPscSimulator } from '../psc';

const envSchema = z.object({
  SIM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin),
  SIM_CLIENT_ID: z.string().min(1),
  SIM_CLIENT_SECRET: z.string().min(16),
  PSC_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  MEMBER_STATES_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  MOCKS_FIXTURES_DIR: z.string().min(1).optional(),
  MOCKS_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
if (!parsed.success) {
  console.error(
    `Invalid simulator configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(1);
}
const env = parsed.data;

const fixtures = createFixtureStore(
  [shippedFixturesDir, ...(env.MOCKS_FIXTURES_DIR ? [resolve(env.MOCKS_FIXTURES_DIR)] : [])],
  (problems) => {
    console.error(`Simulated member states: ${problems.length} fixture problem(s), left out:`);
    for (const p of problems) console.error(`  - ${p.file}: ${p.problem}`);
  },
  { recheckAfterMs: FIXTURES_RECHECK_MS },
);
fixtures.snapshot();

const psc = await startPscSimulator({
  port: env.PSC_SIM_PORT,
  clients: [
    {
      clientId: env.SIM_CLIENT_ID,
      clientSecret: env.SIM_CLIENT_SECRET,
      redirectUris: [`${env.SIM_PUBLIC_URL}/auth/callback`],
      postLogoutRedirectUris: [`${env.SIM_PUBLIC_URL}/`],
    },
  ],
});
const keys = createRemoteJWKSet(new URL(`${env.SIM_PUBLIC_URL}/.well-known/jwks.json`));
const memberStates = await startHttpMockServer({
  port: env.MEMBER_STATES_PORT,
  handlersFor: (origin) =>
    memberStateHandlers({ baseUrl: origin, fixtures, keys, audience: origin, latencyMs: env.MOCKS_LATENCY_MS }),
});

console.log(JSON.stringify({ pscDiscoveryUrl: psc.discoveryUrl, contactPointUrl: memberStates.url }));

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void Promise.all([psc.close(), memberStates.close()]).then(() => process.exit(0));
  });
