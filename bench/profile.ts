/**
 * CPU profile of the production build under load:
 * `node -r ./scripts/register.js bench/profile.ts [health|plans|me|boot|/public/path] [--requests 20000]
 * [--role api|all] [--top 40]`.
 *
 * Starts `node --cpu-prof dist/src/main.js` (same environment as `bench/run.ts`), waits until
 * ready, prints boot to ready and idle RSS, sends a fixed number of requests with autocannon
 * (10 connections), prints the server CPU per request from `/proc`, stops the API with SIGTERM
 * and summarises the `.cpuprofile` by self time (per function and per package/file). `boot`
 * sends no load: the profile is then the boot itself. On a shared machine compare self-time
 * shares and CPU µs/req of two builds run back to back, not absolute timings.
 */
import autocannon from 'autocannon';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerBenchUser } from './lib/accounts';
import { processCpuMs, residentMiB } from './lib/cpu';
import { freePort, ManagedChild, waitForOk } from './lib/processes';
import { summariseProfile } from './lib/cpuprofile';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      requests: { type: 'string', default: '20000' },
      role: { type: 'string', default: 'api' },
      top: { type: 'string', default: '40' },
      'no-profile': { type: 'boolean', default: false },
    },
  });
  const target = positionals[0] ?? 'health';
  const profileDir = join(ROOT, 'bench', '.tmp', 'profiles', `${target}-${Date.now()}`);
  mkdirSync(profileDir, { recursive: true });
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const args = values['no-profile']
    ? []
    : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200'];
  const started = Date.now();
  const api = new ManagedChild(
    'api',
    spawn(process.execPath, [...args, join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'true',
        APP_ROLE: values.role,
        DATABASE_URL:
          process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/career_tools_bench',
        REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_PREFIX: 'bench',
        DATA_DIR: join(ROOT, 'bench', '.tmp', 'data'),
        HOST: '127.0.0.1',
        PORT: String(port),
      },
    }),
  );
  let window: { fromMs: number; toMs: number } | undefined;
  try {
    await waitForOk(`${apiUrl}/health/ready`, api, 60_000);
    const bootMs = Date.now() - started;
    await sleep(3000);
    process.stdout.write(
      `boot to ready ${bootMs} ms; idle RSS ${residentMiB(api.process.pid)} MiB\n`,
    );
    if (target !== 'boot') {
      const url = target.startsWith('/')
        ? target
        : target === 'me'
          ? '/v1/me'
          : target === 'plans'
            ? '/v1/plans'
            : '/health/live';
      const headers: Record<string, string> = {};
      if (target === 'me') headers.authorization = `Bearer ${await registerBenchUser(apiUrl)}`;
      const amount = Number(values.requests);
      await fire(`${apiUrl}${url}`, headers, Math.min(2000, amount)); // warm up
      const pid = api.process.pid as number;
      const before = processCpuMs(pid) as number;
      const fromMs = Date.now() - started;
      const result = await fire(`${apiUrl}${url}`, headers, amount);
      window = { fromMs, toMs: Date.now() - started };
      const used = (processCpuMs(pid) as number) - before;
      process.stdout.write(
        `${url}: ${result.requests.total} requests, ${result.non2xx} non-2xx, ` +
          `server CPU ${Math.round((used * 1000) / result.requests.total)} µs/req; ` +
          `RSS after ${residentMiB(pid)} MiB\n`,
      );
    }
  } finally {
    await api.stop();
  }
  if (values['no-profile']) return;
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${profileDir}`);
  process.stdout.write(`${join(profileDir, file)}\n`);
  process.stdout.write(summariseProfile(join(profileDir, file), Number(values.top), window));
  if (process.env.KEEP_PROFILES !== 'true') rmSync(profileDir, { recursive: true, force: true });
}

/** `{n}` in the URL becomes a counter (a new URL each time, past the response store). */
function fire(
  url: string,
  headers: Record<string, string>,
  amount: number,
): Promise<autocannon.Result> {
  let n = 0;
  const path = url.replace(/^http:\/\/[^/]+/, '');
  const requests = path.includes('{n}')
    ? [
        {
          setupRequest: (request: autocannon.Request) => {
            n += 1;
            return {
              ...request,
              path: path.replace('{n}', String(n)),
              headers: {
                ...request.headers,
                'x-forwarded-for': `10.${(n >> 8) & 255}.0.${n & 255}`,
              },
            };
          },
        },
      ]
    : undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      { url, headers, connections: 10, amount, requests },
      (error: Error | null, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
