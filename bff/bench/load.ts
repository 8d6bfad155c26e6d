/**
 * Load benchmark of the summary route, as production runs it: the compiled BFF (plain node, production mode,
 * SQLite sessions and audit) with the simulated member states in another process at zero latency. One
 * professional logged in, a patient found and consented; then autocannon on GET /api/patients/:ref/summary and,
 * in the same run, on /healthz (the server's own ceiling), at 1, 10 and 100 connections.
 *
 *   npm run bench:load                  # 10 s per measure
 *   npm run bench:load -- --duration 5 --profile
 *
 * --profile runs the BFF under --cpu-prof during the 100-connection summary measure and prints where its CPU
 * time went (self time by function). Target: p99 under 1 s at 100 connections. Figures: docs/performance.md.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import request from 'supertest';
import {
  buildCompiledBff,
  freePort,
  productionEnvironment,
  repoRoot,
  startCompiledBff,
  startSimulators,
  stopAll,
  stopProcess,
} from '../src/testing/processes';
import { loginAtSimulator } from '../src/testing/psc-browser';
import { searchValuesFor, treatmentConsent } from '../src/testing/shipped-patients';
import { CHROME_UA } from '../src/testing/test-config';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    /** Where to keep the CPU profiles (opened in Chrome DevTools); default: a temporary folder, removed. */
    'profile-dir': { type: 'string' },
    connections: { type: 'string', default: '1,10,100' },
    /** Extra options for the BFF's node, e.g. "--max-semi-space-size=32". */
    'node-options': { type: 'string', default: '' },
  },
});
const DURATION_S = Number(options.duration);
const CONNECTIONS = options.connections.split(',').map(Number);
const P99_TARGET_MS = 1000;

interface Measure {
  route: string;
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function measure(url: string, route: string, connections: number, cookie?: string): Promise<Measure> {
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    headers: { 'user-agent': CHROME_UA, ...(cookie ? { cookie } : {}) },
  });
  return {
    route,
    connections,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** A professional logged in, a Portuguese patient found and consented: the session cookie and the summary URL. */
async function consultingSession(base: string): Promise<{ cookie: string; summaryPath: string }> {
  const agent = request.agent(base).set('User-Agent', CHROME_UA).set('Origin', base);
  const login = await agent.get('/auth/login').expect(303);
  const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-generaliste' });
  const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  const cookie = /^(sesali\.sid=[^;]+)/m.exec((done.headers['set-cookie'] as unknown as string[]).join('\n'))?.[1];
  if (!cookie) throw new Error('no session cookie after login');
  const found = await agent
    .post('/api/patients/search')
    .send({ countryCode: 'PT', ...(await searchValuesFor(agent, 'PT', 'complete')) })
    .expect(200);
  const ref = (found.body as { candidates: { ref: string }[] }).candidates[0]?.ref as string;
  await agent.post(`/api/patients/${ref}/consent`).send(treatmentConsent('pt')).expect(201);
  return { cookie, summaryPath: `/api/patients/${ref}/summary` };
}

/** Self time per function in the CPU profiles of a folder, largest first. */
function topFunctions(folder: string, count: number): { share: number; name: string }[] {
  const selfTime = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      total += delta;
      const where = frame?.url ? relative(repoRoot, frame.url.replace(/^file:\/\//, '')) : '';
      const name = `${frame?.functionName || '(anonymous)'} ${where ? `${where}:${(frame?.lineNumber ?? 0) + 1}` : ''}`;
      selfTime.set(name, (selfTime.get(name) ?? 0) + delta);
    });
  }
  return [...selfTime]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => ({ share: time / total, name }));
}

async function main(): Promise<void> {
  const outdir = await buildCompiledBff();
  const directory = mkdtempSync(join(tmpdir(), 'sesali-bench-'));
  try {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const environment = productionEnvironment(base, await startSimulators(base), directory, {
      LOG_LEVEL: 'info',
      // One professional hammering one summary: the abuse limits are not what is measured.
      RATE_LIMIT_SEARCH_PER_MINUTE: '100000',
    });
    const nodeOptions = options['node-options'].split(' ').filter(Boolean);
    let bff = await startCompiledBff(outdir, environment, port, nodeOptions);
    const { cookie, summaryPath } = await consultingSession(base);
    // Warm-up: JIT, terminology caches, connections.
    await measure(`${base}${summaryPath}`, 'warm-up', 10, cookie);

    const results: Measure[] = [];
    for (const connections of CONNECTIONS) {
      results.push(await measure(`${base}/healthz`, '/healthz', connections));
      results.push(await measure(`${base}${summaryPath}`, 'summary', connections, cookie));
    }

    let profileTop: { share: number; name: string }[] = [];
    if (options.profile) {
      const profileDir = options['profile-dir'] ?? join(directory, 'profile');
      await stopProcess(bff);
      bff = await startCompiledBff(outdir, environment, port, [...nodeOptions, '--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
      await measure(`${base}${summaryPath}`, 'warm-up', 10, cookie);
      await measure(`${base}${summaryPath}`, 'summary (profiled)', 100, cookie);
      await stopProcess(bff, 'SIGINT');
      profileTop = topFunctions(profileDir, 25);
    }

    console.log(
      `\nLoad benchmark: ${DURATION_S} s per measure, Node ${process.version}, compiled BFF, simulators apart\n`,
    );
    console.log('route      conn    req/s     p50 ms   p99 ms   failures   summary/healthz');
    for (const connections of CONNECTIONS) {
      const health = results.find((r) => r.route === '/healthz' && r.connections === connections);
      const summary = results.find((r) => r.route === 'summary' && r.connections === connections);
      for (const r of [health, summary]) {
        if (!r) continue;
        const ratio = r === summary && health ? `${((summary.perSecond / health.perSecond) * 100).toFixed(1)} %` : '';
        console.log(
          `${r.route.padEnd(10)} ${String(r.connections).padStart(4)} ${r.perSecond.toFixed(0).padStart(8)} ${String(r.p50).padStart(10)} ${String(r.p99).padStart(8)} ${String(r.failures).padStart(10)}   ${ratio}`,
        );
      }
    }
    const at100 = results.find((r) => r.route === 'summary' && r.connections === 100);
    if (at100)
      console.log(
        `\nSummary p99 at 100 connections: ${at100.p99} ms (target < ${P99_TARGET_MS} ms): ${at100.p99 < P99_TARGET_MS ? 'met' : 'NOT met'}`,
      );
    if (profileTop.length > 0) {
      console.log('\nWhere the BFF spent its CPU (self time, 100 connections on the summary):');
      for (const { share, name } of profileTop) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
  } finally {
    await stopAll();
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
