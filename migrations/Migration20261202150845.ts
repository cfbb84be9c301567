import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150845 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notifications" ("id" uuid not null, "user_id" uuid not null, "type" text not null, "category" text not null, "title" text not null, "body" text not null, "url" text null, "payload" jsonb not null, "count" int not null default 1, "read_at" timestamptz null, "seen_at" timestamptz null, "archived_at" timestamptz null, "created_at" timestamptz not null, constraint "notifications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notifications_user_id_read_at_created_at_index" on "notifications" ("user_id", "read_at", "created_at" desc);`,
    );

    this.addSql(
      `create table "notification_deliveries" ("id" uuid not null, "user_id" uuid not null, "type" text not null, "subject_id" text not null, "channel" text not null, "status" text check ("status" in ('pending', 'sent', 'skipped')) not null, "detail" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "notification_deliveries" add constraint "notification_deliveries_user_id_type_subject_id_channel_unique" unique ("user_id", "type", "subject_id", "channel");`,
    );

    this.addSql(
      `create table "notification_preferences" ("user_id" uuid not null, "channels" jsonb not null default '{}', "quiet_hours" jsonb null, "timezone" text not null default 'UTC', "job_alert_digest" text not null default 'daily', "updated_at" timestamptz not null, constraint "notification_preferences_pkey" primary key ("user_id"));`,
    );

    this.addSql(`alter table "mail_messages" add column "headers" jsonb null;`);

    // The old profile switches become notification preferences (only what differs from the
    // defaults is stored): emailNotifications=false turns email off for account, teams and
    // product notices; jobAlerts=false turns job alerts off on every channel; newsletter=true
    // subscribes to the newsletter by email. The old fields stay in users.preferences, unread.
    this
      .addSql(`insert into "notification_preferences" ("user_id", "channels", "timezone", "job_alert_digest", "updated_at")
      select "id",
        jsonb_strip_nulls(jsonb_build_object(
          'account', case when ("preferences"->>'emailNotifications')::boolean is false then '{"email":false}'::jsonb end,
          'teams', case when ("preferences"->>'emailNotifications')::boolean is false then '{"email":false}'::jsonb end,
          'product', case when ("preferences"->>'emailNotifications')::boolean is false then '{"email":false}'::jsonb end,
          'jobAlerts', case when ("preferences"->>'jobAlerts')::boolean is false then '{"email":false,"inApp":false,"push":false}'::jsonb end,
          'newsletter', case when ("preferences"->>'newsletter')::boolean is true then '{"email":true}'::jsonb end
        )),
        'UTC',
        case when ("preferences"->>'jobAlerts')::boolean is false then 'off' else 'daily' end,
        now()
      from "users"
      where ("preferences"->>'emailNotifications')::boolean is false
         or ("preferences"->>'jobAlerts')::boolean is false
         or ("preferences"->>'newsletter')::boolean is true
      on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "notification_deliveries" cascade;`);

    this.addSql(`drop table if exists "notification_preferences" cascade;`);

    this.addSql(`alter table "mail_messages" drop column "headers";`);
  }
}
