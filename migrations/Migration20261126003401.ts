import { Migration } from '@mikro-orm/migrations';

/** Refresh tokens: sessions as rotating token families. */
export class Migration20261126003401 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "refresh_tokens" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "parent_id" uuid null, "token_hash" text not null, "token_ciphertext" text not null, "access_jti" uuid not null, "access_expires_at" timestamptz not null, "family_expires_at" timestamptz not null, "used_at" timestamptz null, "replaced_by_id" uuid null, "revoked_at" timestamptz null, "ip" text null, "user_agent" text null, "created_at" timestamptz not null, constraint "refresh_tokens_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);
    this.addSql(
      `create index "refresh_tokens_user_id_family_id_index" on "refresh_tokens" ("user_id", "family_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "refresh_tokens" cascade;`);
  }
}
