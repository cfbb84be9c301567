import { Migration } from '@mikro-orm/migrations';

/** CV exports (queued renders with status and progress) and the rendered files cached in storage per owner. */
export class Migration20261126041340 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cv_exports" ("id" uuid not null, "cv_id" uuid not null, "owner_id" uuid not null, "cv_version" int not null, "format" text not null, "template" text not null, "page_size" text not null, "status" text not null default 'queued', "progress" smallint not null default 0, "content_hash" text not null, "storage_key" text null, "size" int null, "error" text null, "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "cv_exports_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cv_exports_owner_id_created_at_index" on "cv_exports" ("owner_id", "created_at");`,
    );

    this.addSql(
      `create table "cv_rendered_files" ("storage_key" text not null, "owner_id" uuid not null, "cv_id" uuid not null, "size" int not null, "created_at" timestamptz not null, constraint "cv_rendered_files_pkey" primary key ("storage_key"));`,
    );
    this.addSql(
      `create index "cv_rendered_files_owner_id_index" on "cv_rendered_files" ("owner_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cv_exports" cascade;`);

    this.addSql(`drop table if exists "cv_rendered_files" cascade;`);
  }
}
