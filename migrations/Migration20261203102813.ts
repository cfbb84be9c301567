import { Migration } from '@mikro-orm/migrations';

export class Migration20261203102813 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "teams" ("id" uuid not null, "name" text not null, "owner_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "teams_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "teams_owner_id_index" on "teams" ("owner_id");`);

    this.addSql(
      `create table "team_document_shares" ("id" uuid not null, "team_id" uuid not null, "document_type" text not null, "document_id" uuid not null, "shared_by" uuid not null, "permission" text not null, "created_at" timestamptz not null, constraint "team_document_shares_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "team_document_shares_shared_by_index" on "team_document_shares" ("shared_by");`,
    );
    this.addSql(
      `create index "team_document_shares_document_type_document_id_index" on "team_document_shares" ("document_type", "document_id");`,
    );
    this.addSql(
      `alter table "team_document_shares" add constraint "team_document_shares_team_id_document_type_document_id_unique" unique ("team_id", "document_type", "document_id");`,
    );

    this.addSql(
      `create table "team_invitations" ("id" uuid not null, "team_id" uuid not null, "email" text not null, "role" text not null, "token_hash" text not null, "invited_by" uuid not null, "status" text not null default 'pending', "expires_at" timestamptz not null, "responded_at" timestamptz null, "created_at" timestamptz not null, constraint "team_invitations_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "team_invitations" add constraint "team_invitations_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "team_invitations_email_index" on "team_invitations" ("email");`);
    this.addSql(
      `create index "team_invitations_team_id_created_at_index" on "team_invitations" ("team_id", "created_at");`,
    );

    this.addSql(
      `create table "team_members" ("id" uuid not null, "team_id" uuid not null, "user_id" uuid not null, "role" text not null, "joined_at" timestamptz not null, constraint "team_members_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "team_members_user_id_index" on "team_members" ("user_id");`);
    this.addSql(
      `alter table "team_members" add constraint "team_members_team_id_user_id_unique" unique ("team_id", "user_id");`,
    );

    this.addSql(`alter table "billing_subscriptions" add column "seats" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "teams" cascade;`);

    this.addSql(`drop table if exists "team_document_shares" cascade;`);

    this.addSql(`drop table if exists "team_invitations" cascade;`);

    this.addSql(`drop table if exists "team_members" cascade;`);

    this.addSql(`alter table "billing_subscriptions" drop column "seats";`);
  }
}
