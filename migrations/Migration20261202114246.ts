import { Migration } from '@mikro-orm/migrations';

/** Per-(event, handler) deliveries that failed a first attempt: attempts, backoff, dead letters. */
export class Migration20261202114246 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "event_deliveries" ("id" uuid not null, "event_id" uuid not null, "event_type" text not null, "handler" text not null, "status" text not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "event_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "event_deliveries_status_created_at_id_index" on "event_deliveries" ("status", "created_at", "id");`,
    );
    this.addSql(
      `create index "event_deliveries_due_index" on "event_deliveries" ("next_attempt_at") where "status" = 'pending';`,
    );
    this.addSql(
      `alter table "event_deliveries" add constraint "event_deliveries_event_id_handler_unique" unique ("event_id", "handler");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_deliveries" cascade;`);
  }
}
