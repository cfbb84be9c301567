import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126001004 } from './Migration20261126001004';

/** Applied in order. Add each new migration here (the migrator does not glob). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126001004', class: Migration20261126001004 },
];
