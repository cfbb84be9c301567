import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145933 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "push_devices" ("id" uuid not null, "user_id" uuid not null, "platform" text not null, "token" text not null, "p256dh" text null, "auth" text null, "name" text null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "push_devices_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "push_devices" add constraint "push_devices_token_unique" unique ("token");`,
    );
    this.addSql(
      `create index "push_devices_user_id_last_seen_at_index" on "push_devices" ("user_id", "last_seen_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "push_devices" cascade;`);
  }
}
