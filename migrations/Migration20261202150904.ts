import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150904 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ai_credits" ("user_id" uuid not null, "balance" int not null default 0, "updated_at" timestamptz not null, constraint "ai_credits_pkey" primary key ("user_id"));`,
    );

    this.addSql(
      `create table "billing_customers" ("user_id" uuid not null, "customer_id" text not null, "driver" text not null, "created_at" timestamptz not null, constraint "billing_customers_pkey" primary key ("user_id"));`,
    );
    this.addSql(
      `alter table "billing_customers" add constraint "billing_customers_customer_id_unique" unique ("customer_id");`,
    );

    this.addSql(
      `create table "billing_subscriptions" ("id" text not null, "user_id" uuid not null, "customer_id" text not null, "status" text not null, "price_id" text null, "plan" text null, "interval" text null, "amount_cents" int not null default 0, "current_period_end" timestamptz null, "cancel_at_period_end" boolean not null default false, "canceled_at" timestamptz null, "past_due_since" timestamptz null, "grace_until" timestamptz null, "sync_seq" bigint not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "billing_subscriptions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "billing_subscriptions_status_grace_until_index" on "billing_subscriptions" ("status", "grace_until");`,
    );
    this.addSql(
      `create index "billing_subscriptions_user_id_index" on "billing_subscriptions" ("user_id");`,
    );

    this.addSql(
      `create table "billing_transitions" ("key" text not null, "user_id" uuid not null, "kind" text not null, "subscription_id" text null, "created_at" timestamptz not null, constraint "billing_transitions_pkey" primary key ("key"));`,
    );
    this.addSql(
      `create index "billing_transitions_user_id_index" on "billing_transitions" ("user_id");`,
    );

    // Orders subscription fetches: a fetch that started earlier never overwrites a later one.
    this.addSql(`create sequence if not exists "billing_sync_seq";`);

    this.addSql(
      `create table "billing_webhook_events" ("id" text not null, "type" text not null, "object_id" text null, "source" text not null, "created_at" timestamptz not null, "received_at" timestamptz not null, "processed_at" timestamptz null, constraint "billing_webhook_events_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ai_credits" cascade;`);

    this.addSql(`drop table if exists "billing_customers" cascade;`);

    this.addSql(`drop table if exists "billing_subscriptions" cascade;`);

    this.addSql(`drop table if exists "billing_transitions" cascade;`);

    this.addSql(`drop table if exists "billing_webhook_events" cascade;`);

    this.addSql(`drop sequence if exists "billing_sync_seq";`);
  }
}
