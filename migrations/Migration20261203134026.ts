import { Migration } from '@mikro-orm/migrations';

/** Cover letters record who made the current version (the owner or a team member with `edit`). */
export class Migration20261203134026 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cover_letters" add column "updated_by" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cover_letters" drop column "updated_by";`);
  }
}
