import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175820 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "newsletter_campaign_recipients" ("id" uuid not null, "campaign_id" uuid not null, "subscriber_id" uuid not null, "email" text not null, "state" text not null default 'pending', "batch" int null, "provider_message_id" text null, "error" text null, "sent_at" timestamptz null, constraint "newsletter_campaign_recipients_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "newsletter_campaign_recipients_campaign_id_state_batch_index" on "newsletter_campaign_recipients" ("campaign_id", "state", "batch");`,
    );
    this.addSql(
      `alter table "newsletter_campaign_recipients" add constraint "newsletter_campaign_recipients_campaign_id_subscriber_id_unique" unique ("campaign_id", "subscriber_id");`,
    );

    this.addSql(
      `alter table "newsletter_campaigns" add column "scheduled_at" timestamptz null, add column "started_at" timestamptz null, add column "finished_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "newsletter_campaign_recipients" cascade;`);

    this.addSql(
      `alter table "newsletter_campaigns" drop column "scheduled_at", drop column "started_at", drop column "finished_at";`,
    );
  }
}
