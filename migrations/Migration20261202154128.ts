import { Migration } from '@mikro-orm/migrations';

export class Migration20261202154128 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "files" add column "origin" text not null default 'upload';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "files" drop column "origin";`);
  }
}
