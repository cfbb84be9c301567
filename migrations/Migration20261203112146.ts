import { Migration } from '@mikro-orm/migrations';

export class Migration20261203112146 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "team_templates" ("id" uuid not null, "team_id" uuid not null, "name" text not null, "layout" jsonb not null, "created_by" uuid not null, "created_at" timestamptz not null, constraint "team_templates_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "team_templates_team_id_created_at_index" on "team_templates" ("team_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "team_templates" cascade;`);
  }
}
