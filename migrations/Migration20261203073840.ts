import { Migration } from '@mikro-orm/migrations';

export class Migration20261203073840 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_exports" ("id" uuid not null, "user_id" uuid not null, "requested_by" uuid not null, "status" text not null default 'queued', "storage_key" text null, "size" int null, "error" text null, "created_at" timestamptz not null, "completed_at" timestamptz null, "expires_at" timestamptz null, constraint "data_exports_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "data_exports_expires_at_index" on "data_exports" ("expires_at");`);
    this.addSql(
      `create index "data_exports_user_id_created_at_index" on "data_exports" ("user_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_exports" cascade;`);
  }
}
