import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { AppConfig } from '@lib/config';
import { ENTITIES } from './entities';

/**
 * MikroORM options for the running app: no migrator (it and the migration classes load
 * `@mikro-orm/migrations` and umzug, tens of MB the API never needs after boot). The
 * migrator and the CLI use {@link migratorOptions}.
 */
export function ormOptions(config: AppConfig, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: config.env.DATABASE_URL,
    entities: ENTITIES,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: config.env.DATABASE_POOL_MAX },
    forceUtcTimezone: true,
    metadataCache: { enabled: false },
    ignoreUndefinedInQuery: true,
    debug: false,
    ...overrides,
  });
}

/** {@link ormOptions} plus the migrator and the registered migrations (migrations/index.ts). */
export async function migratorOptions(
  config: AppConfig,
  overrides: Partial<Options> = {},
): Promise<Options> {
  const [{ Migrator }, { migrationsList }] = await Promise.all([
    import('@mikro-orm/migrations'),
    import('../../migrations'),
  ]);
  return ormOptions(config, {
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
    ...overrides,
  });
}
