import { loadConfig } from '@lib/config';
import { migratorOptions } from './mikro-orm.config';

// For the MikroORM CLI (`MIKRO_ORM_CLI_CONFIG=src/database/mikro-orm.cli-config.ts npx mikro-orm ...`);
// the npm scripts (`migrate`, `migration:create`) do not need it.
export default migratorOptions(loadConfig());
