/**
 * Bench runner: `npm run bench -- <scenario> [--duration 10] [--connections 50] [--warmup 3]`.
 *
 * Starts the production build (`dist/src/main.js`, built first if missing) as a child on
 * 127.0.0.1, waits for /health/ready, runs the scenario's targets one after another with
 * autocannon, stops the child with SIGTERM and writes bench/results/<scenario>.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import type { BenchContext, LoadSettings, Scenario, Target } from './scenario';
import { residentMiB, sampleOthers } from './lib/cpu';
import { measure, type Measurement } from './lib/load';
import {
  freePort,
  startApi,
  startBaseline,
  startRawHttp,
  waitForOk,
  type ChildExit,
  type ManagedChild,
} from './lib/processes';
import {
  failures,
  machineInfo,
  markdown,
  ratios,
  summarize,
  type ApiProcessFigures,
  type BenchReport,
} from './lib/report';

const ROOT = resolve(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const RESULTS = join(ROOT, 'bench', 'results');
const SCENARIOS = join(ROOT, 'bench', 'scenarios');

const DEFAULT_LOAD: LoadSettings = { connections: 50, durationSeconds: 10, warmupSeconds: 3 };
const MAX_LOAD: LoadSettings = { connections: 256, durationSeconds: 60, warmupSeconds: 30 };
const READY_TIMEOUT_MS = 120_000;
const IDLE_SETTLE_MS = 3000;

const children = new Set<ManagedChild>();

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
    },
  });
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    process.stderr.write(
      `usage: npm run bench -- <scenario>\nscenarios: ${listScenarios().join(', ')}\n`,
    );
    return 2;
  }
  const scenario = await loadScenario(name);
  const overrides: Partial<LoadSettings> = {
    connections: optionalNumber('connections', values.connections),
    durationSeconds: optionalNumber('duration', values.duration),
    warmupSeconds: optionalNumber('warmup', values.warmup),
  };

  ensureBuild();
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const extraEnv =
    typeof scenario.apiEnv === 'function' ? await scenario.apiEnv() : scenario.apiEnv;
  const environment = apiEnvironment(port, extraEnv);
  await clearBenchRedis(environment);
  const spawnedAt = Date.now();
  const api = startApi(ROOT, environment);
  children.add(api);
  const worker = scenario.worker
    ? await startWorker({ ...environment, APP_ROLE: 'worker' }, scenario.workerNice)
    : undefined;
  /** Which child serves which port, to charge each target's CPU to its server. */
  const servers = new Map<string, ManagedChild>([[String(port), api]]);

  const runs: Measurement[] = [];
  let apiExit: ChildExit | null = null;
  let busy: number | null = null;
  let figures: ApiProcessFigures | undefined;
  try {
    await waitForOk(`${apiUrl}/health/ready`, api, READY_TIMEOUT_MS);
    const bootToReadyMs = Date.now() - spawnedAt;
    log(`api ready on ${apiUrl} after ${bootToReadyMs} ms`);
    await sleep(IDLE_SETTLE_MS); // let boot garbage be collected before reading the idle RSS
    figures = { bootToReadyMs, idleRssMiB: residentMiB(api.process.pid), rssAfterLoadMiB: null };
    busy = await sampleOthers(api.process.pid === undefined ? [] : [api.process.pid]);
    if (busy !== null && busy > 0.2) {
      log(
        `warning: other programs use ${Math.round(busy * 100)}% of the CPU; numbers will be low and noisy`,
      );
    }
    const context: BenchContext = {
      apiUrl,
      startRawHttpServer: async () => {
        const raw = await startRawHttp(ROOT);
        children.add(raw.child);
        servers.set(new URL(raw.url).port, raw.child);
        return raw.url;
      },
      startBaselineServer: async (baseline) => {
        const started = await startBaseline(ROOT, baseline);
        children.add(started.child);
        servers.set(new URL(started.url).port, started.child);
        return started.url;
      },
    };
    const targets = await scenario.prepare(context);
    checkTargets(targets);
    for (const target of targets) {
      const settings = loadSettings(scenario.load, target.load, overrides);
      log(
        `${target.name}: ${target.url} — ${settings.connections} connections, ` +
          `${settings.warmupSeconds} s warmup + ${settings.durationSeconds} s`,
      );
      const pids = [...children].flatMap((child) => child.process.pid ?? []);
      const server = servers.get(new URL(target.url).port)?.process.pid;
      const run = await measure(target, settings, pids, server, worker?.process.pid);
      if (run.cpu.others !== null && run.cpu.others > 0.1) {
        log(
          `warning: other programs used ${Math.round(run.cpu.others * 100)}% of the CPU during ${target.name}`,
        );
      }
      runs.push(run);
      await sleep(1000); // let the previous target's sockets close before the next one starts
    }
    figures.rssAfterLoadMiB = residentMiB(api.process.pid);
  } finally {
    await scenario.finish?.();
    apiExit = await api.stop();
    children.delete(api);
    for (const child of children) await child.stop();
    children.clear();
  }
  if (apiExit.forced)
    log(`warning: the API ignored SIGTERM for ${apiExit.stopMs} ms and was killed`);

  const summary = runs.map(summarize);
  const report: BenchReport = {
    scenario: scenario.name,
    description: scenario.description,
    analysis: scenario.analysis,
    date: new Date().toISOString(),
    machine: machineInfo(ROOT, busy),
    summary,
    ratios: ratios(summary, scenario.ratios ?? []),
    apiExit,
    api: figures,
    apiRole: worker ? 'api, with a worker process' : environment.APP_ROLE,
    runs,
  };
  mkdirSync(RESULTS, { recursive: true });
  const text = markdown(report);
  writeFileSync(join(RESULTS, `${scenario.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS, `${scenario.name}.md`), text);
  process.stdout.write(`\n${text}\nwrote bench/results/${scenario.name}.{json,md}\n`);

  const failed = failures(summary);
  if (failed.length > 0) {
    process.stderr.write(`Some requests failed:\n${failed.map((f) => `  ${f}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

/** Starts a worker-role process beside the API (its own port for its health check) and waits for it. */
async function startWorker(env: NodeJS.ProcessEnv, nice = 0): Promise<ManagedChild> {
  const port = await freePort();
  const worker = startApi(ROOT, { ...env, PORT: String(port) }, 'worker');
  children.add(worker);
  if (nice !== 0 && worker.process.pid !== undefined) setPriority(worker.process.pid, nice);
  await waitForOk(`http://127.0.0.1:${port}/health/ready`, worker, READY_TIMEOUT_MS);
  log(`worker ready on port ${port}`);
  return worker;
}

function listScenarios(): string[] {
  return readdirSync(SCENARIOS)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

async function loadScenario(name: string): Promise<Scenario> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !existsSync(join(SCENARIOS, `${name}.ts`))) {
    throw new Error(`unknown scenario "${name}"; have: ${listScenarios().join(', ')}`);
  }
  const loaded: unknown = await import(join(SCENARIOS, name));
  const scenario = (loaded as { default?: unknown }).default;
  if (!isScenario(scenario) || scenario.name !== name) {
    throw new Error(`bench/scenarios/${name}.ts must default-export a Scenario named "${name}"`);
  }
  return scenario;
}

function isScenario(value: unknown): value is Scenario {
  const candidate = value as Partial<Scenario> | undefined;
  return (
    typeof candidate?.name === 'string' &&
    typeof candidate.description === 'string' &&
    typeof candidate.prepare === 'function'
  );
}

/** Builds with `npm run build` only when there is no build; says how old the build is. */
function ensureBuild(): void {
  if (!existsSync(MAIN)) {
    log('dist/src/main.js is missing: running npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(MAIN)) throw new Error('npm run build failed');
  }
  log(`using the build from ${statSync(MAIN).mtime.toISOString()} (npm run build to refresh)`);
}

/**
 * Drops every key under the bench's Redis prefix: queued or retrying jobs of an earlier run
 * (whose fakes are gone) would otherwise run during this one, and rate-limit counters would
 * carry over. The bench database is kept (seeds are slow and idempotent).
 */
async function clearBenchRedis(env: NodeJS.ProcessEnv): Promise<void> {
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  try {
    let removed = 0;
    for await (const keys of redis.scanStream({ match: `${env.REDIS_PREFIX}:*`, count: 1000 })) {
      const batch = keys as string[];
      if (batch.length > 0) removed += await redis.unlink(...batch);
    }
    if (removed > 0) log(`removed ${removed} Redis keys left by an earlier run`);
  } finally {
    redis.disconnect();
  }
}

function apiEnvironment(port: number, extraEnv?: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development', // production refuses to boot without real keys; the code paths are the same
    LOG_LEVEL: 'warn',
    APP_ROLE: 'api',
    DATABASE_URL:
      process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/career_tools_bench',
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: 'bench',
    DATA_DIR: join(ROOT, 'bench', '.tmp', 'data'),
    ...extraEnv,
    HOST: '127.0.0.1',
    PORT: String(port),
    API_URL: `http://127.0.0.1:${port}`,
  };
}

function checkTargets(targets: Target[]): void {
  if (targets.length === 0) throw new Error('the scenario returned no targets');
  const names = new Set<string>();
  for (const target of targets) {
    for (const address of [target.url, ...(target.alongside ? [target.alongside.url] : [])]) {
      const url = new URL(address);
      if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
        throw new Error(
          `${target.name}: only http://127.0.0.1 targets are allowed, got ${address}`,
        );
      }
    }
    if ((target.alongside?.connections ?? 0) > MAX_LOAD.connections) {
      throw new Error(`${target.name}: at most ${MAX_LOAD.connections} connections alongside`);
    }
    if (names.has(target.name)) throw new Error(`duplicate target name ${target.name}`);
    names.add(target.name);
  }
}

function loadSettings(...layers: (Partial<LoadSettings> | undefined)[]): LoadSettings {
  const merged: LoadSettings = { ...DEFAULT_LOAD };
  for (const layer of layers) {
    for (const key of Object.keys(merged) as (keyof LoadSettings)[]) {
      const value = layer?.[key];
      if (value !== undefined) merged[key] = value;
    }
  }
  return {
    connections: clamp(merged.connections, 1, MAX_LOAD.connections),
    durationSeconds: clamp(merged.durationSeconds, 1, MAX_LOAD.durationSeconds),
    warmupSeconds: clamp(merged.warmupSeconds, 0, MAX_LOAD.warmupSeconds),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

function optionalNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`--${flag} must be a number, got "${value}"`);
  return parsed;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// Never leave a server behind: Ctrl-C stops the children first, a crash kills them.
process.once('SIGINT', () => {
  log('interrupted; stopping children');
  void Promise.all([...children].map((child) => child.stop(5000))).finally(() => process.exit(130));
});
process.on('exit', () => {
  for (const child of children) if (child.running) child.process.kill('SIGKILL');
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    for (const child of children) await child.stop(5000);
    children.clear();
    process.exitCode = 1;
  },
);
