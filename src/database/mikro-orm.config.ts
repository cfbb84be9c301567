import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { loadConfig, type AppConfig } from '@lib/config';
import { migrationsList } from '../../migrations';
import { ENTITIES } from './entities';

/** MikroORM options for the app, the migrator and the CLI alike. */
export function ormOptions(config: AppConfig, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: config.env.DATABASE_URL,
    entities: ENTITIES,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: config.env.DATABASE_POOL_MAX },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      path: 'migrations',
      pathTs: 'migrations',
      // Only `npm run migration:create` writes the snapshot; applying migrations must not touch it.
      snapshot: false,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
    },
    forceUtcTimezone: true,
    metadataCache: { enabled: false },
    ignoreUndefinedInQuery: true,
    debug: false,
    ...overrides,
  });
}

// Used by the MikroORM CLI (`npx mikro-orm migration:create`).
export default ormOptions(loadConfig());
