import { Migration } from '@mikro-orm/migrations';

export class Migration20261126032855 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "analytics_events" ("id" uuid not null, "name" text not null, "user_id" uuid null, "properties" jsonb not null, "occurred_at" timestamptz not null, "source_event_id" uuid null, constraint "analytics_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "analytics_events" add constraint "analytics_events_source_event_id_unique" unique ("source_event_id");`,
    );
    this.addSql(
      `create index "analytics_events_user_id_occurred_at_index" on "analytics_events" ("user_id", "occurred_at");`,
    );
    this.addSql(
      `create index "analytics_events_name_occurred_at_index" on "analytics_events" ("name", "occurred_at");`,
    );

    this.addSql(
      `create table "cvs" ("id" uuid not null, "owner_id" uuid not null, "title" text not null, "document" jsonb not null, "layout" jsonb not null, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deleted_at" timestamptz null, constraint "cvs_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cvs_owner_id_created_at_index" on "cvs" ("owner_id", "created_at");`,
    );

    this.addSql(
      `create table "cv_shares" ("id" uuid not null, "cv_id" uuid not null, "owner_id" uuid not null, "slug" text not null, "visibility" text check ("visibility" in ('public', 'password')) not null, "password_hash" text null, "expires_at" timestamptz null, "created_at" timestamptz not null, constraint "cv_shares_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "cv_shares" add constraint "cv_shares_cv_id_unique" unique ("cv_id");`,
    );
    this.addSql(`alter table "cv_shares" add constraint "cv_shares_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "cv_share_visits" ("cv_id" uuid not null, "day" date not null, "kind" text not null, "visitor" text not null, "first_seen_at" timestamptz not null, constraint "cv_share_visits_pkey" primary key ("cv_id", "day", "kind", "visitor"));`,
    );

    this.addSql(
      `create table "cv_version_labels" ("cv_id" uuid not null, "version" int not null, "label" text not null, "labelled_at" timestamptz not null, constraint "cv_version_labels_pkey" primary key ("cv_id", "version"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_events" cascade;`);

    this.addSql(`drop table if exists "cvs" cascade;`);

    this.addSql(`drop table if exists "cv_shares" cascade;`);

    this.addSql(`drop table if exists "cv_share_visits" cascade;`);

    this.addSql(`drop table if exists "cv_version_labels" cascade;`);
  }
}
