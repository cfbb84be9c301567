/**
 * Writes a migration for the difference between the entities and the last
 * snapshot: `npm run migration:create` (add `-- --initial` for the first one).
 * Register the new class in migrations/index.ts afterwards.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '@lib/config';
import { migratorOptions } from '../src/database/mikro-orm.config';

async function main(): Promise<void> {
  const config = loadConfig();
  const base = await migratorOptions(config, { connect: false });
  const orm = await MikroORM.init({ ...base, migrations: { ...base.migrations, snapshot: true } });
  const initial = process.argv.includes('--initial');
  const result = await orm.getMigrator().createMigration('migrations', false, initial);
  process.stdout.write(
    result.fileName ? `Created migrations/${result.fileName}\n` : 'No changes\n',
  );
  await orm.close(true);
}

void main();
