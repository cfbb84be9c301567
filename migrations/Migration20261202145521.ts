import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145521 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "users" add column "locale" text not null default 'en', add column "timezone" text not null default 'UTC';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "locale", drop column "timezone";`);
  }
}
