import { Migration } from '@mikro-orm/migrations';

export class Migration20261203073120 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "hook_delivery_attempts" ("id" uuid not null, "hook_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "attempt" int not null, "attempted_at" timestamptz not null, "status_code" int null, "duration_ms" int not null, "outcome" text not null, "error" text null, "next_retry_at" timestamptz null, constraint "hook_delivery_attempts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "hook_delivery_attempts_hook_id_attempted_at_index" on "hook_delivery_attempts" ("hook_id", "attempted_at");`,
    );

    this.addSql(
      `create table "hook_subscriptions" ("id" uuid not null, "user_id" uuid not null, "event" text not null, "target_url" text not null, "secret_sealed" text not null, "active" boolean not null default true, "deactivated_reason" text null, "deactivated_at" timestamptz null, "created_at" timestamptz not null, constraint "hook_subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "hook_subscriptions_event_active_index" on "hook_subscriptions" ("event", "active");`,
    );
    this.addSql(
      `create index "hook_subscriptions_user_id_created_at_index" on "hook_subscriptions" ("user_id", "created_at");`,
    );
    this.addSql(
      `alter table "hook_subscriptions" add constraint "hook_subscriptions_user_id_event_target_url_unique" unique ("user_id", "event", "target_url");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "hook_delivery_attempts" cascade;`);

    this.addSql(`drop table if exists "hook_subscriptions" cascade;`);
  }
}
