import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ModuleMetadata } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig, loadConfig } from '@lib/config';
import { createApp } from '../../../src/bootstrap/create-app';
import { loadSecrets } from '../../../src/bootstrap/secrets';
import { cloneTemplate, dropDatabase, withAdminClient } from './test-database';
import { assertNoSecretsIn } from './secret-leak-check';
import { ContractValidator } from './contract-validator';
import { testEnv } from './test-env';

export interface TestAppOptions {
  role?: 'api' | 'worker' | 'all';
  env?: Record<string, string>;
  extra?: ModuleMetadata['imports'];
  /** Boot another instance on the same database and Redis prefix (a second replica). */
  replicaOf?: TestApp;
  /** Paths of test-only controllers added with `extra`: not in openapi.json, so not contract-checked. */
  probeRoutes?: RegExp;
}

type InjectOptions = Parameters<NestFastifyApplication['inject']>[0] & object;

/**
 * The real AppModule on Fastify, on a database cloned from the migrated
 * template and a Redis key prefix of its own. `close()` removes both.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly databaseName: string,
    private readonly ownsResources: boolean,
    private readonly probeRoutes?: RegExp,
  ) {}

  static async create(options: TestAppOptions = {}): Promise<TestApp> {
    const replica = options.replicaOf;
    const databaseName = replica?.databaseName ?? newTestDatabaseName();
    const databaseUrl = replica?.config.env.DATABASE_URL ?? (await cloneTemplate(databaseName));
    const config = loadConfig(
      testEnv({
        APP_ROLE: options.role ?? 'all',
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: replica?.config.env.REDIS_PREFIX ?? `test:${databaseName}`,
        ...options.env,
      }),
    );
    const app = await createApp(config, loadSecrets(config), options.extra);
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, databaseName, !replica, options.probeRoutes);
  }

  get<T>(token: string | symbol | (abstract new (...args: never[]) => T)): T {
    return this.app.get(token as never, { strict: false });
  }

  async inject(options: InjectOptions) {
    const response = await this.app.inject(options);
    const url = typeof options.url === 'string' ? options.url : options.url?.pathname;
    const method = options.method ?? 'GET';
    assertNoSecretsIn(response.body, `${method} ${url ?? '/'}`);
    // Every response of the e2e suites must be one openapi.json documents.
    if (!this.probeRoutes?.test(url ?? '/')) {
      ContractValidator.forCommittedDocument().assert(method, url ?? '/', response);
    }
    return response;
  }

  /** Signs in as the seeded admin and returns an Authorization header value. */
  async adminAuthorization(): Promise<string> {
    const response = await this.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: this.config.env.ADMIN_EMAIL, password: this.config.env.ADMIN_PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`admin login failed: ${response.body}`);
    return `Bearer ${response.json<{ accessToken: string }>().accessToken}`;
  }

  private stopped?: Promise<void>;

  /** Closes the app the way SIGTERM does (shutdown hooks), keeping its database. */
  stop(): Promise<void> {
    return (this.stopped ??= this.app.close());
  }

  async close(): Promise<void> {
    await this.stop();
    if (!this.ownsResources) return;
    await dropTestResources(this.databaseName, this.config);
  }
}

/** Drops a suite's database and deletes its Redis keys. */
export async function dropTestResources(databaseName: string, config: AppConfig): Promise<void> {
  await withAdminClient((client) => dropDatabase(client, databaseName));
  const redis = new Redis(config.env.REDIS_URL);
  try {
    const keys = await redis.keys(`${config.env.REDIS_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** A database name of this Jest run that no other suite uses. */
export function newTestDatabaseName(): string {
  return `career_tools_test_${process.env.CAREER_TOOLS_TEST_RUN ?? process.pid}_${randomBytes(6).toString('hex')}`;
}

/**
 * Polls until `check` returns a truthy value or the time is up. The default is generous: it
 * returns as soon as the condition holds, and CI machines can be several times slower than ours.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
