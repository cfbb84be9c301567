import { Migration } from '@mikro-orm/migrations';

/** Email verification and password reset tokens; profile preferences and social links. */
export class Migration20261126011219 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "user_tokens" ("id" uuid not null, "user_id" uuid not null, "purpose" text check ("purpose" in ('email_verification', 'password_reset')) not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "user_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "user_tokens" add constraint "user_tokens_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "user_tokens_user_id_purpose_index" on "user_tokens" ("user_id", "purpose");`,
    );

    this.addSql(
      `alter table "users" add column "email_verified_at" timestamptz null, add column "preferences" jsonb not null default '{"emailNotifications":true,"jobAlerts":true,"newsletter":false,"theme":"system","language":"en"}', add column "social_links" jsonb not null default '{}';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_tokens" cascade;`);

    this.addSql(
      `alter table "users" drop column "email_verified_at", drop column "preferences", drop column "social_links";`,
    );
  }
}
