/**
 * What production refuses to start with (NODE_ENV=production): settings that are fine against the simulators
 * but unsafe in front of real professionals and patients. Each problem names its variable, so an operator fixes
 * them all at once. `SESALI_QA_MODE=true` (a QA platform with simulators on one machine) allows loopback
 * http:// URLs only; nothing else relaxes these rules.
 */
import type { Env } from './config';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
export const isLoopback = (url: URL): boolean => LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost');

/** Estimated entropy of a secret, in bits: its length times log2 of the distinct characters it uses. */
export function estimatedEntropyBits(secret: string): number {
  const distinct = new Set(secret).size;
  return distinct <= 1 ? 0 : secret.length * Math.log2(distinct);
}

const MIN_SECRET_BITS = 128;
const MIN_DISTINCT_CHARACTERS = 10;
/** Names the simulators and the development entry point use, which a production must not. */
const SIMULATOR_HOSTS = /(^|\.)sesali\.test$/;
const DEV_CLIENT_IDS = new Set(['sesali-dev', 'sesali-test']);

export function productionProblems(env: Env & { SESALI_QA_MODE?: string }): string[] {
  const problems: string[] = [];
  const qaMode = env.SESALI_QA_MODE === 'true';

  const requireHttps = (name: string, value: string | undefined) => {
    if (value === undefined) return;
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'rediss:') return;
    if (qaMode && isLoopback(url)) return;
    problems.push(`${name}: must be https:// in production (loopback http:// only with SESALI_QA_MODE=true)`);
  };
  requireHttps('PUBLIC_URL', env.PUBLIC_URL);
  requireHttps('PSC_DISCOVERY_URL', env.PSC_DISCOVERY_URL);
  requireHttps('CONTACT_POINT_URL', env.CONTACT_POINT_URL);

  if (env.PSC_ALLOW_HTTP) problems.push('PSC_ALLOW_HTTP: only for a simulator, never in production');
  if (!env.PSC_ACCEPTED_ACR.some((acr) => /^eidas[1-3]$/.test(acr)))
    problems.push('PSC_ACCEPTED_ACR: must accept eIDAS levels only (eidas1, eidas2, eidas3)');
  else if (env.PSC_ACCEPTED_ACR.some((acr) => !/^eidas[1-3]$/.test(acr)))
    problems.push('PSC_ACCEPTED_ACR: lists a value that is not an eIDAS level');

  for (const name of ['SESSION_SECRET', 'AUDIT_HMAC_KEY', 'PSC_CLIENT_SECRET', 'METRICS_TOKEN'] as const) {
    const secret = env[name];
    if (secret === undefined) continue;
    if (new Set(secret).size < MIN_DISTINCT_CHARACTERS || estimatedEntropyBits(secret) < MIN_SECRET_BITS)
      problems.push(`${name}: too predictable (use at least 32 random bytes, e.g. \`openssl rand -hex 32\`)`);
  }

  if (env.REDIS_URL !== undefined) {
    const redis = new URL(env.REDIS_URL);
    if (redis.protocol === 'redis:' && !isLoopback(redis))
      problems.push('REDIS_URL: redis:// without TLS to another host; use rediss://');
  }

  if (env.AUDIT_DATABASE_URL !== undefined) {
    const database = new URL(env.AUDIT_DATABASE_URL);
    const sslmode = database.searchParams.get('sslmode');
    if (!isLoopback(database) && !['require', 'verify-ca', 'verify-full'].includes(sslmode ?? ''))
      problems.push('AUDIT_DATABASE_URL: another host without TLS; add sslmode=verify-full (or verify-ca, require)');
  }

  // The BFF speaks plain HTTP behind a TLS proxy: without trusting it, requests never look secure and the
  // Secure session cookie is never set — every login would silently come back logged out.
  if (env.PUBLIC_URL.startsWith('https:') && env.TRUST_PROXY === undefined)
    problems.push(
      'TRUST_PROXY: required with an https PUBLIC_URL (the TLS proxy in front: its hop count or addresses)',
    );

  const trustProxy = env.TRUST_PROXY?.trim().toLowerCase();
  if (trustProxy === 'true' || trustProxy === '*')
    problems.push(
      'TRUST_PROXY: "true" trusts any client-set X-Forwarded-For; give the hop count or the proxies’ addresses',
    );

  if (DEV_CLIENT_IDS.has(env.PSC_CLIENT_ID))
    problems.push(`PSC_CLIENT_ID: ${env.PSC_CLIENT_ID} is the simulator's client, not one registered with PSC`);
  if (SIMULATOR_HOSTS.test(new URL(env.CONTACT_POINT_URL).hostname))
    problems.push('CONTACT_POINT_URL: names the simulated member states');
  return problems;
}

/** The end of life of the Node.js LTS lines Sesali runs on (nodejs.org release schedule). */
const NODE_END_OF_LIFE: Record<number, string> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30' };

/**
 * What an operator is told at a production start about the Node.js running it (logged, not refused: the
 * service runs, but without the runtime's security fixes): a line past its end of life, or one never tested.
 */
export function nodeRuntimeWarning(version: string, today: Date): string | undefined {
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  const endOfLife = NODE_END_OF_LIFE[major];
  if (endOfLife === undefined)
    return `Node.js ${version} is not a line Sesali is tested on (20, 22 and 24): prefer Node.js 24 LTS`;
  if (today.toISOString().slice(0, 10) > endOfLife)
    return `Node.js ${version} is past its end of life (${endOfLife}) and gets no security fixes: run Sesali on Node.js 24 LTS (docs/operations.md)`;
  return undefined;
}
