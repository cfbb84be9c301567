import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081556 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_records" ("owner" text not null, "key" text not null, "user_id" uuid not null, "fingerprint" text not null, "locked_at" timestamptz not null, "completed_at" timestamptz null, "response_status" smallint null, "response_headers" jsonb null, "response_body" text null, "expires_at" timestamptz not null, constraint "idempotency_records_pkey" primary key ("owner", "key"));`,
    );
    this.addSql(
      `create index "idempotency_records_user_id_index" on "idempotency_records" ("user_id");`,
    );
    this.addSql(
      `create index "idempotency_records_expires_at_index" on "idempotency_records" ("expires_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_records" cascade;`);
  }
}
