import { Migration } from '@mikro-orm/migrations';

export class Migration20261126012429 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "user_identities" ("id" uuid not null, "user_id" uuid not null, "provider" text not null, "subject" text not null, "email" text null, "created_at" timestamptz not null, constraint "user_identities_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "user_identities" add constraint "user_identities_user_id_provider_unique" unique ("user_id", "provider");`,
    );
    this.addSql(
      `alter table "user_identities" add constraint "user_identities_provider_subject_unique" unique ("provider", "subject");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_identities" cascade;`);
  }
}
