import { Migration } from '@mikro-orm/migrations';

export class Migration20261202181020 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "job_boards" ("source" text not null, "token" text not null, "postings_at_probe" int not null default 0, "added_by" uuid null, "created_at" timestamptz not null, constraint "job_boards_pkey" primary key ("source", "token"));`,
    );

    this.addSql(`alter table "job_source_health" add column "paused_until" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_boards" cascade;`);

    this.addSql(`alter table "job_source_health" drop column "paused_until";`);
  }
}
