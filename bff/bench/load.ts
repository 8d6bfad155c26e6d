/**
 * Load benchmark of the summary route, as production runs it: the compiled BFF (plain node, production mode,
 * SQLite sessions and audit) with the simulated member states in another process at zero latency. One
 * professional logged in, a patient found and consented; then autocannon on GET /api/patients/:ref/summary and,
 * in the same run, on /healthz (the server's own ceiling), at 1, 10 and 100 connections.
 *
 *   npm run bench:load                  # 10 s per measure, on Node 24 LTS
 *   npm run bench:load -- --duration 5 --profile
 *   npm run bench:load -- --node current  # on the Node running the script (here, the machine's Node 20)
 *
 * The BFF and the simulators run by default on Node 24.18.1, the LTS line production is meant to run on (Node 20
 * is past its end of life) and the one `npm test` also tests (scripts/node24.mjs, docs/decisions/006).
 *
 * --profile runs the BFF under --cpu-prof during the 100-connection summary measure and prints where its CPU
 * time went (self time by function). Target: p99 under 1 s at 100 connections. Figures: docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import request from 'supertest';
import {
  buildCompiledBff,
  CURRENT_NODE,
  freePort,
  productionEnvironment,
  repoRoot,
  startCompiledBff,
  startSimulators,
  stopAll,
  stopProcess,
  type NodeRuntime,
} from '../src/testing/processes';
import { loginAtSimulator } from '../src/testing/psc-browser';
import { consentedRef } from '../src/testing/shipped-patients';
import { CHROME_UA } from '../src/testing/test-config';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    /** Where to keep the CPU profiles (opened in Chrome DevTools); default: a temporary folder, removed. */
    'profile-dir': { type: 'string' },
    connections: { type: 'string', default: '1,10,100' },
    /** `24` (the registry's Node 24 LTS, as `npm test` prepares it) or `current` (the Node running this). */
    node: { type: 'string', default: '24' },
    /** Extra options for the BFF's node, e.g. "--max-semi-space-size=32". */
    'node-options': { type: 'string', default: '' },
  },
});
const DURATION_S = Number(options.duration);
if (options.node !== '24' && options.node !== 'current')
  throw new Error(`--node is 24 or current, not ${options.node}`);
const CONNECTIONS = options.connections.split(',').map(Number);
const P99_TARGET_MS = 1000;

interface Measure {
  route: string;
  /** The BFF's CPU time per answered request, in ms (Linux). */
  cpuPerRequest?: number;
  /** The simulators' CPU time per answered request, in ms (Linux). */
  simulatorCpuPerRequest?: number;
  /** The BFF's minor page faults per answered request (Linux). */
  faultsPerRequest?: number;
  connections: number;
  perSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  /** The slowest answer: a stall (a connection waiting to be accepted, the host) shows here and in p99, not in p97.5. */
  max: number;
  failures: number;
  /** Times of /healthz on new connections during the measure (summaries only), sorted, in ms. */
  newConnections?: number[];
  /** Those that failed (an error or not 200). */
  newConnectionFailures?: number;
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
    p97_5: result.latency.p97_5,
    max: result.latency.max,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * While `during` runs: a /healthz on a new connection every 100 ms (no keep-alive), timed from the connection's
 * start to the answer's end, as a load balancer's health check or a newly arrived browser sees the BFF. A busy
 * event loop accepts one connection per turn (libuv), so this shows how long its turns are under load.
 */
async function withNewConnections(base: string, during: Promise<Measure>): Promise<Measure> {
  const times: number[] = [];
  let failures = 0;
  let done = false;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      const ok = await new Promise<boolean>((resolve) =>
        get(`${base}/healthz`, { agent: false }, (res) =>
          res.resume().on('end', () => resolve(res.statusCode === 200)),
        ).on('error', () => resolve(false)),
      );
      if (!ok) failures++;
      else if (!done) times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const result = await during;
  done = true;
  await probing;
  return { ...result, newConnections: times.sort((a, b) => a - b), newConnectionFailures: failures };
}

/** A professional logged in, a Portuguese patient found and consented: the session cookie and the summary URL. */
async function consultingSession(base: string): Promise<{ cookie: string; summaryPath: string }> {
  const agent = request.agent(base).set('User-Agent', CHROME_UA).set('Origin', base);
  const login = await agent.get('/auth/login').expect(303);
  const callback = await loginAtSimulator(String(login.headers.location), { persona: 'medecin-generaliste' });
  const done = await agent.get(`${callback.pathname}${callback.search}`).expect(303);
  const cookie = /^(sesali\.sid=[^;]+)/m.exec((done.headers['set-cookie'] as unknown as string[]).join('\n'))?.[1];
  if (!cookie) throw new Error('no session cookie after login');
  const ref = await consentedRef(agent, 'PT', 'complete', 'pt');
  return { cookie, summaryPath: `/api/patients/${ref}/summary` };
}

/**
 * CPU time (user + system) a process has used, in ms, and its minor page faults, from /proc (Linux); undefined
 * elsewhere. Faults matter on virtual machines whose host reclaims freed memory: each one then costs
 * microseconds.
 */
function processUse(pid: number | undefined): { cpuMs: number; faults: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // minflt is field 10 of the line; utime and stime are fields 14 and 15, in clock ticks (100 per second).
    return { cpuMs: (Number(fields[11]) + Number(fields[12])) * 10, faults: Number(fields[7]) };
  } catch {
    return undefined;
  }
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB, from /proc (Linux). */
function memoryMb(pid: number | undefined): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Sums and counts of the BFF's histograms (its /metrics), by series. */
async function histogramTotals(base: string, token: string): Promise<Map<string, { sum: number; count: number }>> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const totals = new Map<string, { sum: number; count: number }>();
  for (const line of text.split('\n')) {
    const bucket = /^http_request_duration_seconds_bucket\{(.*)\} ([\d.e+-]+)$/.exec(line);
    const le = bucket?.[1] ? /le="([\d.]+)"/.exec(bucket[1])?.[1] : undefined;
    if (bucket?.[1]?.includes('summary') && bucket[1].includes('"200"') && le) {
      // Cumulative counts of the summaries the BFF answered within `le` seconds.
      totals.set(`summaries answered within ${le} s (BFF's own timing)`, { sum: 0, count: Number(bucket[2]) });
      continue;
    }
    const match = /^(\w+)_(sum|count)(\{[^}]*\})? ([\d.e+-]+)$/.exec(line);
    if (!match?.[1] || match[1].startsWith('nodejs') || match[1].startsWith('process')) continue;
    const series = `${match[1]}${match[3] ?? ''}`;
    const entry = totals.get(series) ?? { sum: 0, count: 0 };
    entry[match[2] as 'sum' | 'count'] = Number(match[4]);
    totals.set(series, entry);
  }
  return totals;
}

/** Mean duration per series over a measure (the difference of two readings), largest count first. */
function meanDurations(
  before: Map<string, { sum: number; count: number }>,
  after: Map<string, { sum: number; count: number }>,
): { series: string; count: number; meanMs: number }[] {
  return [...after]
    .map(([series, { sum, count }]) => {
      const earlier = before.get(series) ?? { sum: 0, count: 0 };
      const n = count - earlier.count;
      return { series, count: n, meanMs: n > 0 ? ((sum - earlier.sum) / n) * 1000 : 0 };
    })
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
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

/** The Node the BFF and the simulators run on. */
async function runtime(): Promise<NodeRuntime> {
  if (options.node === 'current') return CURRENT_NODE;
  const { prepareNode24 } = (await import(join(repoRoot, 'scripts', 'node24.mjs'))) as {
    prepareNode24: () => NodeRuntime;
  };
  return prepareNode24();
}

async function main(): Promise<void> {
  const node = await runtime();
  const nodeVersion = execFileSync(node.node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  const outdir = await buildCompiledBff();
  const directory = mkdtempSync(join(tmpdir(), 'sesali-bench-'));
  try {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const metricsToken = randomBytes(24).toString('hex');
    const simulators = await startSimulators(base, 0, node);
    const environment = productionEnvironment(base, simulators, directory, {
      LOG_LEVEL: 'info',
      METRICS_TOKEN: metricsToken,
      // One professional hammering one summary: the abuse limits are not what is measured.
      RATE_LIMIT_SEARCH_PER_MINUTE: '100000',
    });
    const nodeOptions = options['node-options'].split(' ').filter(Boolean);
    let bff = await startCompiledBff(outdir, environment, port, nodeOptions, node);
    const { cookie, summaryPath } = await consultingSession(base);
    const memoryAtStart = memoryMb(bff.pid);
    // Warm-up: JIT, terminology caches, connections.
    await measure(`${base}${summaryPath}`, 'warm-up', 10, cookie);

    const results: Measure[] = [];
    let stages: { series: string; count: number; meanMs: number }[] = [];
    const measured = async (route: string, connections: number, url: string, withCookie?: string) => {
      const [bffBefore, simulatorsBefore] = [processUse(bff.pid), processUse(simulators.pid)];
      const measuring = measure(url, route, connections, withCookie);
      const result = route === 'summary' ? await withNewConnections(base, measuring) : await measuring;
      const [bffAfter, simulatorsAfter] = [processUse(bff.pid), processUse(simulators.pid)];
      const answered = result.perSecond * DURATION_S;
      if (bffBefore && bffAfter && answered > 0) {
        result.cpuPerRequest = (bffAfter.cpuMs - bffBefore.cpuMs) / answered;
        result.faultsPerRequest = (bffAfter.faults - bffBefore.faults) / answered;
      }
      if (simulatorsBefore && simulatorsAfter && answered > 0)
        result.simulatorCpuPerRequest = (simulatorsAfter.cpuMs - simulatorsBefore.cpuMs) / answered;
      return result;
    };
    for (const connections of CONNECTIONS) {
      results.push(await measured('/healthz', connections, `${base}/healthz`));
      const before = await histogramTotals(base, metricsToken);
      results.push(await measured('summary', connections, `${base}${summaryPath}`, cookie));
      stages = meanDurations(before, await histogramTotals(base, metricsToken));
    }

    const memoryAfter = memoryMb(bff.pid);
    let profileTop: { share: number; name: string }[] = [];
    if (options.profile) {
      const profileDir = options['profile-dir'] ?? join(directory, 'profile');
      await stopProcess(bff);
      bff = await startCompiledBff(
        outdir,
        environment,
        port,
        [...nodeOptions, '--cpu-prof', `--cpu-prof-dir=${profileDir}`],
        node,
      );
      await measure(`${base}${summaryPath}`, 'warm-up', 10, cookie);
      await measure(`${base}${summaryPath}`, 'summary (profiled)', 100, cookie);
      await stopProcess(bff, 'SIGINT');
      profileTop = topFunctions(profileDir, 25);
    }

    console.log(
      `\nLoad benchmark: ${DURATION_S} s per measure, compiled BFF and simulators apart on Node ${nodeVersion}\n`,
    );
    console.log(
      'route      conn    req/s     p50 ms  p97.5 ms   p99 ms   max ms   failures   BFF CPU ms/req   BFF faults/req   simulators CPU ms/req   summary/healthz',
    );
    for (const connections of CONNECTIONS) {
      const health = results.find((r) => r.route === '/healthz' && r.connections === connections);
      const summary = results.find((r) => r.route === 'summary' && r.connections === connections);
      for (const r of [health, summary]) {
        if (!r) continue;
        const ratio = r === summary && health ? `${((summary.perSecond / health.perSecond) * 100).toFixed(1)} %` : '';
        console.log(
          `${r.route.padEnd(10)} ${String(r.connections).padStart(4)} ${r.perSecond.toFixed(0).padStart(8)} ${String(r.p50).padStart(10)} ${String(r.p97_5).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.max).padStart(8)} ${String(r.failures).padStart(10)} ${(r.cpuPerRequest?.toFixed(2) ?? '?').padStart(16)} ${(r.faultsPerRequest?.toFixed(0) ?? '?').padStart(16)} ${(r.simulatorCpuPerRequest?.toFixed(2) ?? '?').padStart(23)}   ${ratio}`,
        );
      }
    }
    const at100 = results.find((r) => r.route === 'summary' && r.connections === 100);
    if (at100)
      console.log(
        `\nSummary p99 at 100 connections: ${at100.p99} ms (target < ${P99_TARGET_MS} ms): ${at100.p99 < P99_TARGET_MS ? 'met' : 'NOT met'}`,
      );
    const at = (times: number[], q: number) =>
      (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(0);
    console.log('\nA new connection while summaries load the BFF (/healthz every 100 ms, connecting included):');
    for (const { route, connections, newConnections: times = [], newConnectionFailures: failed = 0 } of results)
      if (route === 'summary' && times.length + failed > 0)
        console.log(
          `  ${String(connections).padStart(4)} connections: p50 ${at(times, 0.5)} ms, p90 ${at(times, 0.9)} ms, max ${at(times, 1)} ms (${times.length} answered, ${failed} failed)`,
        );
    if (memoryAtStart && memoryAfter)
      console.log(
        `\nBFF memory: ${memoryAtStart.rss.toFixed(0)} MB resident after login, peak ${memoryAfter.peak.toFixed(0)} MB under load`,
      );
    console.log(`\nInside the BFF, summaries at ${CONNECTIONS.at(-1)} connections (mean of its own histograms):`);
    const within = stages.filter((row) => row.series.startsWith('summaries answered within'));
    for (const { series, count, meanMs } of stages.filter((row) => !within.includes(row)))
      console.log(`  ${meanMs.toFixed(1).padStart(8)} ms  ×${String(count).padStart(6)}  ${series}`);
    const answered = stages.find((row) => row.series.includes('summary') && row.series.includes('"200"'))?.count;
    if (answered) {
      const bound = (row: { series: string }) => Number(row.series.split(' ')[3]);
      // The smallest bound holding every answer: waits outside the BFF's handlers (a connection not yet accepted,
      // the host, the load tool) are not in it.
      const all = within.filter((row) => row.count >= answered).sort((a, b) => bound(a) - bound(b))[0];
      console.log(
        `  answered within: ${within
          .filter((row) => row.count < answered)
          .map((row) => `${bound(row)} s ${((row.count / answered) * 100).toFixed(0)} %`)
          .join(', ')}${all ? `; all within ${bound(all)} s` : ''}`,
      );
    }
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
