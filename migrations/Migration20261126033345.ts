import { Migration } from '@mikro-orm/migrations';

/** Devices (by user-agent hash) each user signed in from: new-device sign-in alerts. */
export class Migration20261126033345 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "user_devices" ("user_id" uuid not null, "device_hash" text not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "user_devices_pkey" primary key ("user_id", "device_hash"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_devices" cascade;`);
  }
}
