/**
 * The service as an operator runs it, for the several-instance test and the load benchmark: the compiled BFF
 * (bff/dist) in production mode with plain node, and the simulators (PSC, member states) in a process of
 * their own. Every process started here is stopped by stopAll().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bffRoot } from '../paths';

export const repoRoot = join(bffRoot, '..');
export const randomSecret = (): string => randomBytes(32).toString('hex');

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not ready after ${timeoutMs} ms`);
}

const children = new Set<ChildProcess>();

export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  stdio: 'pipe' | 'ignore' = 'pipe',
): ChildProcess {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export const stopProcess = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export const stopAll = (): Promise<void> =>
  Promise.all([...children].map((child) => stopProcess(child))).then(() => {});

export interface Simulators {
  pscDiscoveryUrl: string;
  contactPointUrl: string;
  client: { id: string; secret: string };
  /** The simulators' process, for the benchmark's CPU figures. */
  pid?: number;
}

/** A Node to run a child process on, and the environment it needs (SQLITE_NATIVE_BINDING for another ABI). */
export interface NodeRuntime {
  node: string;
  env: Record<string, string>;
}

/** The Node running this process. */
export const CURRENT_NODE: NodeRuntime = { node: process.execPath, env: {} };

/** The PSC simulator and the simulated member states (mocks/src/simulators), for a BFF at publicUrl. */
export async function startSimulators(
  publicUrl: string,
  latencyMs = 0,
  runtime: NodeRuntime = CURRENT_NODE,
): Promise<Simulators> {
  const client = { id: 'sesali-qa', secret: randomSecret() };
  // node itself with tsx's loader (not the tsx wrapper, which would run it in a second process): `pid` is theirs.
  const child = startProcess(runtime.node, ['--import', 'tsx', 'mocks/src/simulators/main.ts'], {
    ...runtime.env,
    SIM_PUBLIC_URL: publicUrl,
    SIM_CLIENT_ID: client.id,
    SIM_CLIENT_SECRET: client.secret,
    PSC_SIM_PORT: '0',
    MEMBER_STATES_PORT: '0',
    MOCKS_LATENCY_MS: String(latencyMs),
  });
  const urls = await new Promise<{ pscDiscoveryUrl: string; contactPointUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulators stopped (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) =>
      resolve(JSON.parse(line) as { pscDiscoveryUrl: string; contactPointUrl: string }),
    );
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return { ...urls, client, pid: child.pid };
}

/**
 * A production configuration against the simulators (NODE_ENV=production, loopback http allowed by
 * SESALI_QA_MODE), with fresh secrets and an assertion key written in `directory`. `extra` adds or overrides.
 */
export function productionEnvironment(
  publicUrl: string,
  simulators: Simulators,
  directory: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const keyFile = join(directory, 'assertion-key.pem');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return {
    NODE_ENV: 'production',
    SESALI_QA_MODE: 'true',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: publicUrl,
    PSC_DISCOVERY_URL: simulators.pscDiscoveryUrl,
    PSC_CLIENT_ID: simulators.client.id,
    PSC_CLIENT_SECRET: simulators.client.secret,
    SESSION_SECRET: randomSecret(),
    AUDIT_HMAC_KEY: randomSecret(),
    CONTACT_POINT_URL: simulators.contactPointUrl,
    ASSERTION_KEY_FILE: keyFile,
    DATA_DIR: join(directory, 'data'),
    ...extra,
  };
}

/** The compiled BFF (`outdir`/server.js) with plain node on `port`, once it answers /healthz. */
export async function startCompiledBff(
  outdir: string,
  environment: Record<string, string>,
  port: number,
  nodeOptions: string[] = [],
  runtime: NodeRuntime = CURRENT_NODE,
): Promise<ChildProcess> {
  const child = startProcess(runtime.node, [...nodeOptions, '--enable-source-maps', join(outdir, 'server.js')], {
    ...runtime.env,
    ...environment,
    PORT: String(port),
  });
  let output = '';
  child.stderr?.on('data', (d: Buffer) => (output = `${output}${d.toString()}`.slice(-4000)));
  child.stdout?.resume();
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`BFF on ${port} stopped (${code}):\n${output}`);
  });
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, `BFF on port ${port}`);
  return child;
}

/** Compiles the BFF into bff/dist (scripts/build-bff.mjs), as `npm run build` does. */
export async function buildCompiledBff(): Promise<string> {
  const { buildBff } = (await import(join(repoRoot, 'scripts', 'build-bff.mjs'))) as {
    buildBff: () => Promise<{ outdir: string }>;
  };
  return (await buildBff()).outdir;
}
