import './instrumentation'; // first: tracing patches modules as they load
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, productionWarnings } from '@lib/config';
import { createApp } from './bootstrap/create-app';
import { loadSecrets } from './bootstrap/secrets';
import { ensureDatabase, migrate } from './database/prepare-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Boot');
  for (const warning of productionWarnings(config)) logger.warn(warning);
  if (await ensureDatabase(config.env.DATABASE_URL)) logger.log('Created the database');
  const applied = await migrate(config);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  const secrets = loadSecrets(config);

  const app = await createApp(config, secrets);
  await app.listen({ port: config.env.PORT, host: config.env.HOST });
  logger.log(
    `${config.env.APP_ROLE} role listening on ${await app.getUrl()}${config.runsApi ? ' (docs at /docs)' : ''}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Boot failed: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
