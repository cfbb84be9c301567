import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175625 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "social_accounts" ("id" uuid not null, "user_id" uuid not null, "network" text not null, "remote_id" text not null, "name" text not null, "handle" text null, "kind" text not null, "access_token_sealed" text not null, "refresh_token_sealed" text null, "token_expires_at" timestamptz null, "scopes" jsonb not null, "status" text not null default 'connected', "status_reason" text null, "timezone" text not null default 'UTC', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "social_accounts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "social_accounts_token_expires_at_index" on "social_accounts" ("token_expires_at");`,
    );
    this.addSql(
      `create index "social_accounts_user_id_created_at_index" on "social_accounts" ("user_id", "created_at");`,
    );
    this.addSql(
      `alter table "social_accounts" add constraint "social_accounts_user_id_network_remote_id_unique" unique ("user_id", "network", "remote_id");`,
    );

    this.addSql(
      `create table "social_posts" ("id" uuid not null, "user_id" uuid not null, "text" text not null, "media" jsonb not null, "variants" jsonb not null, "account_ids" jsonb not null, "first_comment" text null, "thread" jsonb not null, "status" text not null default 'draft', "scheduled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "social_posts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "social_posts_user_id_created_at_index" on "social_posts" ("user_id", "created_at");`,
    );

    this.addSql(
      `create table "social_post_targets" ("id" uuid not null, "post_id" uuid not null, "account_id" uuid not null, "user_id" uuid not null, "network" text not null, "status" text not null default 'queued', "scheduled_at" timestamptz not null, "remote_id" text null, "remote_url" text null, "failure_reason" text null, "retryable" boolean null, "attempted_at" timestamptz null, "published_at" timestamptz null, "updated_at" timestamptz not null, constraint "social_post_targets_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "social_post_targets_account_id_scheduled_at_index" on "social_post_targets" ("account_id", "scheduled_at");`,
    );
    this.addSql(
      `create index "social_post_targets_status_published_at_index" on "social_post_targets" ("status", "published_at");`,
    );
    this.addSql(
      `create index "social_post_targets_user_id_scheduled_at_index" on "social_post_targets" ("user_id", "scheduled_at");`,
    );
    this.addSql(
      `alter table "social_post_targets" add constraint "social_post_targets_post_id_account_id_unique" unique ("post_id", "account_id");`,
    );

    this.addSql(
      `create table "social_metric_snapshots" ("id" uuid not null, "target_id" uuid not null, "user_id" uuid not null, "account_id" uuid not null, "captured_at" timestamptz not null, "likes" int not null, "comments" int not null, "shares" int not null, "impressions" int null, constraint "social_metric_snapshots_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "social_metric_snapshots_user_id_captured_at_index" on "social_metric_snapshots" ("user_id", "captured_at");`,
    );
    this.addSql(
      `create index "social_metric_snapshots_target_id_captured_at_index" on "social_metric_snapshots" ("target_id", "captured_at");`,
    );

    this.addSql(
      `create table "social_queue_slots" ("id" uuid not null, "account_id" uuid not null, "weekday" smallint not null, "time" text not null, constraint "social_queue_slots_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "social_queue_slots" add constraint "social_queue_slots_account_id_weekday_time_unique" unique ("account_id", "weekday", "time");`,
    );

    this.addSql(
      `alter table "social_post_targets" add constraint "social_post_targets_post_id_foreign" foreign key ("post_id") references "social_posts" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "social_post_targets" add constraint "social_post_targets_account_id_foreign" foreign key ("account_id") references "social_accounts" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "social_metric_snapshots" add constraint "social_metric_snapshots_target_id_foreign" foreign key ("target_id") references "social_post_targets" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "social_queue_slots" add constraint "social_queue_slots_account_id_foreign" foreign key ("account_id") references "social_accounts" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "social_post_targets" drop constraint "social_post_targets_account_id_foreign";`,
    );

    this.addSql(
      `alter table "social_queue_slots" drop constraint "social_queue_slots_account_id_foreign";`,
    );

    this.addSql(
      `alter table "social_post_targets" drop constraint "social_post_targets_post_id_foreign";`,
    );

    this.addSql(
      `alter table "social_metric_snapshots" drop constraint "social_metric_snapshots_target_id_foreign";`,
    );

    this.addSql(`drop table if exists "social_accounts" cascade;`);

    this.addSql(`drop table if exists "social_posts" cascade;`);

    this.addSql(`drop table if exists "social_post_targets" cascade;`);

    this.addSql(`drop table if exists "social_metric_snapshots" cascade;`);

    this.addSql(`drop table if exists "social_queue_slots" cascade;`);
  }
}
