import { Migration } from '@mikro-orm/migrations';

export class Migration20261126040716 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ai_usage" ("id" uuid not null, "user_id" uuid not null, "operation" text not null, "provider" text not null, "model" text not null, "prompt_tokens" int not null, "completion_tokens" int not null, "occurred_at" timestamptz not null, constraint "ai_usage_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "ai_usage_user_id_occurred_at_index" on "ai_usage" ("user_id", "occurred_at");`,
    );

    this.addSql(
      `create table "cover_letters" ("id" uuid not null, "owner_id" uuid not null, "cv_id" uuid not null, "title" text not null, "job_description" text not null, "job_id" uuid null, "job_title" text null, "company" text null, "tone" text not null, "language" text not null, "body" text not null, "provider" text not null, "model" text not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "cover_letters_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cover_letters_owner_id_created_at_index" on "cover_letters" ("owner_id", "created_at");`,
    );

    this.addSql(
      `create table "cv_ai_suggestions" ("id" uuid not null, "cv_id" uuid not null, "owner_id" uuid not null, "cv_version" int not null, "section" text not null, "path" text not null, "original" text not null, "suggested" text not null, "reasons" jsonb not null, "provider" text not null, "model" text not null, "status" text check ("status" in ('pending', 'applied', 'dismissed')) not null default 'pending', "applied_version" int null, "created_at" timestamptz not null, "decided_at" timestamptz null, constraint "cv_ai_suggestions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cv_ai_suggestions_owner_id_index" on "cv_ai_suggestions" ("owner_id");`,
    );
    this.addSql(
      `create index "cv_ai_suggestions_cv_id_status_created_at_index" on "cv_ai_suggestions" ("cv_id", "status", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ai_usage" cascade;`);

    this.addSql(`drop table if exists "cover_letters" cascade;`);

    this.addSql(`drop table if exists "cv_ai_suggestions" cascade;`);
  }
}
