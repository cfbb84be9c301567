/**
 * Pipeline CPU per request in process, without sockets: `node -r ./scripts/register.js
 * bench/pipeline-cpu.ts`. Boots the API (role api, bench database, LOG_LEVEL=info so the
 * access line is paid), then sends 4000 `app.inject()` GETs per route, 20 at a time, and
 * prints this process's CPU time ÷ requests (µs; includes light-my-request's own cost).
 * Less moved by a busy machine than the HTTP scenarios; run two commits back to back to compare.
 */
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { loadConfig } from '@lib/config';
import { createApp } from '../src/bootstrap/create-app';
import { loadSecrets } from '../src/bootstrap/secrets';
import { registerBenchUser } from './lib/accounts';

async function load(
  app: NestFastifyApplication,
  url: string,
  headers: Record<string, string>,
  total: number,
) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const r = await app.inject({ method: 'GET', url, headers });
      if (r.statusCode !== 200) throw new Error(`${url} ${r.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
}

async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    APP_ROLE: 'api',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/career_tools_bench',
    REDIS_PREFIX: 'bench',
    DATA_DIR: join(__dirname, '.tmp', 'data'),
  });
  const app = await createApp(config, loadSecrets(config));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await registerBenchUser(await app.getUrl());
  await new Promise((r) => setTimeout(r, 1500));
  const out: Record<string, number> = {};
  for (const [name, url, headers] of [
    ['health', '/health/live', {}],
    ['plans', '/v1/plans', {}],
    ['me', '/v1/me', { authorization: `Bearer ${token}` }],
  ] as const) {
    await load(app, url, headers, 1000);
    const n = 4000;
    const before = process.cpuUsage();
    await load(app, url, headers, n);
    const used = process.cpuUsage(before);
    out[name] = Math.round((used.user + used.system) / n);
  }
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
  await app.close();
  process.exit(0);
}
void main();
