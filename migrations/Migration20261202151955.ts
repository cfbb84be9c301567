import { Migration } from '@mikro-orm/migrations';

export class Migration20261202151955 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "avatar" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "avatar";`);
  }
}
