import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { exited, killTree, track } from './child-processes';
import { freePort } from './free-port';
import type { TestApp } from './test-app';
import { testEnv } from './test-env';

const ROOT = join(__dirname, '../../..');
const OUTPUT_KEPT = 8000;

/**
 * The app booted the way `npm run start:dev` boots it, as a real child process
 * (APP_ROLE=worker by default) on the database and Redis prefix of a TestApp:
 * a worker the suite can kill with SIGKILL in the middle of a job.
 */
export class WorkerProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /** Starts a worker sharing `of`'s database, Redis and prefix; resolves once /health/ready answers 200. */
  static async start(
    of: TestApp,
    env: Record<string, string> = {},
    timeoutMs = 60_000,
  ): Promise<WorkerProcess> {
    const port = await freePort();
    const { DATABASE_URL, REDIS_URL, REDIS_PREFIX } = of.config.env;
    const child = track(
      spawn(process.execPath, ['-r', './scripts/register.js', 'src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...testEnv({ APP_ROLE: 'worker', DATABASE_URL, REDIS_URL, REDIS_PREFIX }),
          HOST: '127.0.0.1',
          PORT: String(port),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const worker = new WorkerProcess(child, `http://127.0.0.1:${port}`);
    try {
      await worker.ready(timeoutMs);
    } catch (error) {
      await worker.kill();
      throw error;
    }
    return worker;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits until the worker's /health/ready answers 200 (it fails at once if the process exits). */
  async ready(timeoutMs = 30_000): Promise<void> {
    const started = Date.now();
    let last = 'no answer';
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `worker exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output}`,
        );
      }
      const answer = await this.readiness();
      if (answer.status === 200) return;
      if (answer.status !== 0) last = `${answer.status} ${answer.body}`;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`worker not ready in ${timeoutMs} ms (last: ${last}):\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The status /health/ready answers now, or 0 when nothing answers. */
  async readyStatus(): Promise<number> {
    return (await this.readiness()).status;
  }

  private async readiness(): Promise<{ status: number; body: string }> {
    try {
      const response = await fetch(`${this.url}/health/ready`, {
        signal: AbortSignal.timeout(3000),
      });
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 0, body: '' };
    }
  }

  /** kill -9 of the worker and everything it started (Chromium, ffmpeg); resolves once it is gone. */
  async kill(): Promise<void> {
    killTree(this.child.pid, 'SIGKILL');
    await exited(this.child);
  }

  /** SIGTERM (drains the queues) and waits for the exit; SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => void this.kill(), graceMs);
    await exited(this.child);
    clearTimeout(timer);
  }
}
