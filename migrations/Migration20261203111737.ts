import { Migration } from '@mikro-orm/migrations';

export class Migration20261203111737 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "team_document_comments" ("id" uuid not null, "team_id" uuid not null, "share_id" uuid not null, "author_id" uuid not null, "body" text not null, "created_at" timestamptz not null, constraint "team_document_comments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "team_document_comments_author_id_index" on "team_document_comments" ("author_id");`,
    );
    this.addSql(
      `create index "team_document_comments_share_id_created_at_index" on "team_document_comments" ("share_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "team_document_comments" cascade;`);
  }
}
