import { Migration } from '@mikro-orm/migrations';

export class Migration20261202154548 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "newsletter_campaigns" ("id" uuid not null, "subject" text not null, "markdown" text not null, "topic" text not null, "status" text not null default 'draft', "created_by" uuid not null, "created_at" timestamptz not null, constraint "newsletter_campaigns_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "newsletter_campaigns_created_at_id_index" on "newsletter_campaigns" ("created_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "newsletter_campaigns" cascade;`);
  }
}
