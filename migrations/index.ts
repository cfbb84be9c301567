import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126001004 } from './Migration20261126001004';
import { Migration20261126003401 } from './Migration20261126003401';
import { Migration20261126011031 } from './Migration20261126011031';
import { Migration20261126011153 } from './Migration20261126011153';
import { Migration20261126011219 } from './Migration20261126011219';
import { Migration20261126011350 } from './Migration20261126011350';
import { Migration20261126012429 } from './Migration20261126012429';
import { Migration20261126032717 } from './Migration20261126032717';
import { Migration20261126032855 } from './Migration20261126032855';
import { Migration20261126033327 } from './Migration20261126033327';
import { Migration20261126033345 } from './Migration20261126033345';
import { Migration20261126040716 } from './Migration20261126040716';
import { Migration20261126041340 } from './Migration20261126041340';
import { Migration20261202114246 } from './Migration20261202114246';
import { Migration20261202121117 } from './Migration20261202121117';
import { Migration20261202123326 } from './Migration20261202123326';
import { Migration20261202123714 } from './Migration20261202123714';

/** Applied in order. Add each new migration here (the migrator does not glob). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126001004', class: Migration20261126001004 },
  { name: 'Migration20261126003401', class: Migration20261126003401 },
  { name: 'Migration20261126011031', class: Migration20261126011031 },
  { name: 'Migration20261126011153', class: Migration20261126011153 },
  { name: 'Migration20261126011219', class: Migration20261126011219 },
  { name: 'Migration20261126011350', class: Migration20261126011350 },
  { name: 'Migration20261126012429', class: Migration20261126012429 },
  { name: 'Migration20261126032717', class: Migration20261126032717 },
  { name: 'Migration20261126032855', class: Migration20261126032855 },
  { name: 'Migration20261126033327', class: Migration20261126033327 },
  { name: 'Migration20261126033345', class: Migration20261126033345 },
  { name: 'Migration20261126040716', class: Migration20261126040716 },
  { name: 'Migration20261126041340', class: Migration20261126041340 },
  { name: 'Migration20261202114246', class: Migration20261202114246 },
  { name: 'Migration20261202121117', class: Migration20261202121117 },
  { name: 'Migration20261202123326', class: Migration20261202123326 },
  { name: 'Migration20261202123714', class: Migration20261202123714 },
];
