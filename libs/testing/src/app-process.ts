import type { ChildProcess } from 'node:child_process';
import { loadConfig, type AppConfig } from '@lib/config';
import { freePort } from './free-port';
import { MainProcess } from './main-process';
import { dropTestResources, newTestDatabaseName } from './test-app';
import { cloneTemplate } from './test-database';
import { testEnv } from './test-env';

/**
 * The production boot (`src/main.ts`) in a child process, on a database cloned
 * from the template and a Redis prefix of its own, reached over real HTTP.
 * For what Jest cannot show: OpenTelemetry patches modules through Node's
 * `require`, which Jest's module registry bypasses, so auto-instrumentation
 * only works in a real Node process.
 */
export class AppProcess extends MainProcess {
  private constructor(
    child: ChildProcess,
    port: number,
    readonly config: AppConfig,
    readonly databaseName: string,
  ) {
    super(child, port);
  }

  static async start(
    env: Record<string, string> = {},
    bootTimeoutMs = 120000,
  ): Promise<AppProcess> {
    const databaseName = newTestDatabaseName();
    const port = await freePort();
    const settings = testEnv({
      DATABASE_URL: await cloneTemplate(databaseName),
      REDIS_PREFIX: `test:${databaseName}`,
      ...env,
    });
    const config = loadConfig({ ...settings, HOST: '127.0.0.1', PORT: String(port) });
    const app = new AppProcess(MainProcess.spawnMain(port, settings), port, config, databaseName);
    try {
      await app.answers('/health/live', bootTimeoutMs);
    } catch (error) {
      await app.close();
      throw error;
    }
    return app;
  }

  async close(): Promise<void> {
    await this.stop();
    await dropTestResources(this.databaseName, this.config);
  }
}
