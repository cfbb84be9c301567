import { freePort } from './free-port';
import { MainProcess } from './main-process';
import type { TestApp } from './test-app';
import { testEnv } from './test-env';

/**
 * The app booted the way `npm run start:dev` boots it, as a real child process
 * (APP_ROLE=worker by default) on the database and Redis prefix of a TestApp:
 * a worker the suite can kill with SIGKILL in the middle of a job.
 */
export class WorkerProcess extends MainProcess {
  /** Starts a worker sharing `of`'s database, Redis and prefix; resolves once /health/ready answers 200. */
  static async start(
    of: TestApp,
    env: Record<string, string> = {},
    timeoutMs = 60_000,
  ): Promise<WorkerProcess> {
    const port = await freePort();
    const { DATABASE_URL, REDIS_URL, REDIS_PREFIX } = of.config.env;
    const settings = {
      ...testEnv({ APP_ROLE: 'worker', DATABASE_URL, REDIS_URL, REDIS_PREFIX }),
      ...env,
    };
    const worker = new WorkerProcess(MainProcess.spawnMain(port, settings), port);
    try {
      await worker.ready(timeoutMs);
    } catch (error) {
      await worker.kill();
      throw error;
    }
    return worker;
  }

  /** Waits until the worker's /health/ready answers 200 (it fails at once if the process exits). */
  ready(timeoutMs = 30_000): Promise<void> {
    return this.answers('/health/ready', timeoutMs);
  }

  /** The status /health/ready answers now, or 0 when nothing answers. */
  async readyStatus(): Promise<number> {
    return (await this.probe('/health/ready')).status;
  }

  /** SIGTERM (drains the queues) and waits for the exit; SIGKILL after `graceMs`. */
  override stop(graceMs = 20_000): Promise<void> {
    return super.stop(graceMs);
  }
}
