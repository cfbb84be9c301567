import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '@lib/config';
import { eventually, dropTestResources, newTestDatabaseName } from './test-app';
import { cloneTemplate } from './test-database';
import { testEnv } from './test-env';

const ROOT = join(__dirname, '../../..');

/**
 * The production boot (`src/main.ts`) in a child process, on a database cloned
 * from the template and a Redis prefix of its own, reached over real HTTP.
 * For what Jest cannot show: OpenTelemetry patches modules through Node's
 * `require`, which Jest's module registry bypasses, so auto-instrumentation
 * only works in a real Node process.
 */
export class AppProcess {
  private readonly output: string[] = [];
  private exited?: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly config: AppConfig,
    readonly databaseName: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(
    env: Record<string, string> = {},
    bootTimeoutMs = 120000,
  ): Promise<AppProcess> {
    const databaseName = newTestDatabaseName();
    const settings = testEnv({
      DATABASE_URL: await cloneTemplate(databaseName),
      REDIS_PREFIX: `test:${databaseName}`,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      ...env,
    });
    const config = loadConfig(settings);
    const child = spawn(process.execPath, ['-r', './scripts/register.js', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${config.env.PORT}`, config, databaseName);
    try {
      await eventually(async () => {
        if (child.exitCode !== null) throw new Error(`the app exited:\n${app.log()}`);
        const live = await fetch(`${app.url}/health/live`).catch(() => undefined);
        return live?.ok;
      }, bootTimeoutMs);
    } catch (error) {
      await app.close();
      throw error;
    }
    return app;
  }

  /** What the process printed last (for failure messages). */
  log(): string {
    return this.output.join('');
  }

  fetch(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.url}${path}`, init);
  }

  /** SIGTERM, as in production: the app drains and flushes, then exits (killed after 30 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 30000);
      await this.exited;
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.stop();
    await dropTestResources(this.databaseName, this.config);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
