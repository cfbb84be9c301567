import { Migration } from '@mikro-orm/migrations';

export class Migration20261202153022 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "newsletter_subscribers" ("id" uuid not null, "email" text not null, "status" text not null default 'pending', "topics" jsonb not null, "requested_topics" jsonb not null, "confirmation_token_hash" text null, "confirmation_sent_at" timestamptz null, "confirmed_at" timestamptz null, "created_at" timestamptz not null, constraint "newsletter_subscribers_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "newsletter_subscribers" add constraint "newsletter_subscribers_email_unique" unique ("email");`,
    );
    this.addSql(
      `alter table "newsletter_subscribers" add constraint "newsletter_subscribers_confirmation_token_hash_unique" unique ("confirmation_token_hash");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "newsletter_subscribers" cascade;`);
  }
}
