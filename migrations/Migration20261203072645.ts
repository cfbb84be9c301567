import { Migration } from '@mikro-orm/migrations';

/**
 * `analytics_events` becomes a table partitioned by month on `occurred_at` (native
 * range partitioning; the generator cannot write that, so this is by hand). Keys
 * include the partition key: primary key (id, occurred_at), idempotency on
 * (source_event_id, occurred_at). Partitions are made for the existing rows' months
 * and the 24 months before now up to 3 ahead; the `analytics-partitions` job keeps
 * that window moving and drops months past ANALYTICS_RETENTION_MONTHS.
 */
export class Migration20261203072645 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_daily_rollups" ("day" date not null, "name" text not null, "dimension" text not null default '', "count" bigint not null, "users" int not null, constraint "analytics_daily_rollups_pkey" primary key ("day", "name", "dimension"));`,
    );
    this.addSql(
      `create index "analytics_daily_rollups_name_day_index" on "analytics_daily_rollups" ("name", "day");`,
    );

    this.addSql(`alter table "analytics_events" rename to "analytics_events_unpartitioned";`);
    this.addSql(
      `alter table "analytics_events_unpartitioned" drop constraint "analytics_events_source_event_id_unique";`,
    );
    this.addSql(
      `alter table "analytics_events_unpartitioned" drop constraint "analytics_events_pkey";`,
    );
    this.addSql(`drop index "analytics_events_user_id_occurred_at_index";`);
    this.addSql(`drop index "analytics_events_name_occurred_at_index";`);

    this.addSql(
      `create table "analytics_events" ("id" uuid not null, "occurred_at" timestamptz not null, "name" text not null, "user_id" uuid null, "client_id" text null, "properties" jsonb not null, "source_event_id" uuid null, constraint "analytics_events_pkey" primary key ("id", "occurred_at")) partition by range ("occurred_at");`,
    );
    this.addSql(
      `alter table "analytics_events" add constraint "analytics_events_source_event_id_occurred_at_unique" unique ("source_event_id", "occurred_at");`,
    );
    this.addSql(
      `create index "analytics_events_user_id_occurred_at_index" on "analytics_events" ("user_id", "occurred_at");`,
    );
    this.addSql(
      `create index "analytics_events_name_occurred_at_index" on "analytics_events" ("name", "occurred_at");`,
    );
    this.addSql(`
      do $$
      declare
        month date := least(
          date_trunc('month', now() - interval '24 months'),
          coalesce((select date_trunc('month', min(occurred_at)) from analytics_events_unpartitioned), now())
        )::date;
      begin
        while month <= date_trunc('month', now() + interval '3 months') loop
          execute format(
            'create table if not exists %I partition of analytics_events for values from (%L) to (%L)',
            'analytics_events_' || to_char(month, '"y"YYYY"m"MM'), month, (month + interval '1 month')::date
          );
          month := (month + interval '1 month')::date;
        end loop;
      end $$;`);
    this.addSql(
      `insert into "analytics_events" ("id", "occurred_at", "name", "user_id", "properties", "source_event_id") select "id", "occurred_at", "name", "user_id", "properties", "source_event_id" from "analytics_events_unpartitioned";`,
    );
    this.addSql(`drop table "analytics_events_unpartitioned";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_daily_rollups" cascade;`);

    this.addSql(`alter table "analytics_events" rename to "analytics_events_partitioned";`);
    this.addSql(
      `alter table "analytics_events_partitioned" drop constraint "analytics_events_source_event_id_occurred_at_unique";`,
    );
    this.addSql(
      `alter table "analytics_events_partitioned" drop constraint "analytics_events_pkey";`,
    );
    this.addSql(`drop index "analytics_events_user_id_occurred_at_index";`);
    this.addSql(`drop index "analytics_events_name_occurred_at_index";`);
    this.addSql(
      `create table "analytics_events" ("id" uuid not null, "name" text not null, "user_id" uuid null, "properties" jsonb not null, "occurred_at" timestamptz not null, "source_event_id" uuid null, constraint "analytics_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `insert into "analytics_events" ("id", "name", "user_id", "properties", "occurred_at", "source_event_id") select distinct on ("source_event_id") "id", "name", "user_id", "properties", "occurred_at", "source_event_id" from "analytics_events_partitioned" where "source_event_id" is not null union all select "id", "name", "user_id", "properties", "occurred_at", "source_event_id" from "analytics_events_partitioned" where "source_event_id" is null;`,
    );
    this.addSql(`drop table "analytics_events_partitioned" cascade;`);
    this.addSql(
      `alter table "analytics_events" add constraint "analytics_events_source_event_id_unique" unique ("source_event_id");`,
    );
    this.addSql(
      `create index "analytics_events_user_id_occurred_at_index" on "analytics_events" ("user_id", "occurred_at");`,
    );
    this.addSql(
      `create index "analytics_events_name_occurred_at_index" on "analytics_events" ("name", "occurred_at");`,
    );
  }
}
