import { Migration } from '@mikro-orm/migrations';

export class Migration20261126033327 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "files" ("id" uuid not null, "user_id" uuid not null, "kind" text not null, "file_name" text not null, "original_name" text not null, "mime_type" text not null, "size" int not null, "bucket" text not null, "path" text not null, "is_public" boolean not null, "status" text not null default 'pending', "reject_reason" text null, "scan_signature" text null, "scanned_by" text null, "checksum" text not null, "variants" jsonb not null, "metadata" jsonb not null, "uploaded_at" timestamptz not null, "created_at" timestamptz not null, "processed_at" timestamptz null, constraint "files_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "files_user_id_created_at_index" on "files" ("user_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "files" cascade;`);
  }
}
