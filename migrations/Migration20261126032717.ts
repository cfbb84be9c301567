import { Migration } from '@mikro-orm/migrations';

/** Per-person keys that seal personal data in the event store (crypto-shredding on erasure). */
export class Migration20261126032717 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personal_data_keys" ("subject_id" uuid not null, "sealed_key" text null, "created_at" timestamptz not null default now(), "shredded_at" timestamptz null, constraint "personal_data_keys_pkey" primary key ("subject_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_keys" cascade;`);
  }
}
