import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "job_alerts" ("id" uuid not null, "user_id" uuid not null, "name" text not null, "query" text null, "filters" jsonb not null, "frequency" text check ("frequency" in ('daily', 'weekly')) not null, "hour" smallint not null, "timezone" text not null, "watermark" timestamptz not null, "next_run_at" timestamptz not null, "last_run_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "job_alerts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_alerts_next_run_at_index" on "job_alerts" ("next_run_at");`);
    this.addSql(
      `create index "job_alerts_user_id_created_at_index" on "job_alerts" ("user_id", "created_at");`,
    );

    this.addSql(
      `create table "job_alert_deliveries" ("id" uuid not null, "alert_id" uuid not null, "user_id" uuid not null, "run_at" timestamptz not null, "digest_id" uuid not null, "status" text check ("status" in ('sent', 'empty', 'skipped')) not null, "reason" text null, "job_ids" jsonb not null, "created_at" timestamptz not null, constraint "job_alert_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "job_alert_deliveries_user_id_index" on "job_alert_deliveries" ("user_id");`,
    );
    this.addSql(
      `create index "job_alert_deliveries_digest_id_index" on "job_alert_deliveries" ("digest_id");`,
    );
    this.addSql(
      `alter table "job_alert_deliveries" add constraint "job_alert_deliveries_alert_id_run_at_unique" unique ("alert_id", "run_at");`,
    );

    this.addSql(
      `alter table "job_alert_deliveries" add constraint "job_alert_deliveries_alert_id_foreign" foreign key ("alert_id") references "job_alerts" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`create index "jobs_first_seen_at_index" on "jobs" ("first_seen_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "job_alert_deliveries" drop constraint "job_alert_deliveries_alert_id_foreign";`,
    );

    this.addSql(`drop table if exists "job_alerts" cascade;`);

    this.addSql(`drop table if exists "job_alert_deliveries" cascade;`);

    this.addSql(`drop index "jobs_first_seen_at_index";`);
  }
}
