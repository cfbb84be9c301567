import { Migration } from '@mikro-orm/migrations';

export class Migration20261202151706 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "email_delivery_events" ("webhook_id" text not null, "provider" text not null default 'resend', "type" text not null, "provider_email_id" text null, "recipients" jsonb not null, "bounce_type" text null, "occurred_at" timestamptz null, "received_at" timestamptz not null, constraint "email_delivery_events_pkey" primary key ("webhook_id"));`,
    );
    this.addSql(
      `create index "email_delivery_events_provider_email_id_index" on "email_delivery_events" ("provider_email_id");`,
    );

    this.addSql(
      `create table "email_suppressions" ("id" uuid not null, "email" text not null, "reason" text not null, "detail" text null, "provider_email_id" text null, "webhook_id" text null, "created_at" timestamptz not null, constraint "email_suppressions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "email_suppressions" add constraint "email_suppressions_email_unique" unique ("email");`,
    );
    this.addSql(
      `create index "email_suppressions_created_at_id_index" on "email_suppressions" ("created_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_delivery_events" cascade;`);

    this.addSql(`drop table if exists "email_suppressions" cascade;`);
  }
}
