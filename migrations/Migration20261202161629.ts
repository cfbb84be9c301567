import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161629 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "job_applications" ("id" uuid not null, "user_id" uuid not null, "job_id" uuid not null, "status" text check ("status" in ('interested', 'applied', 'interviewing', 'offer', 'rejected', 'withdrawn')) not null default 'interested', "cv_id" uuid null, "cv_version" int null, "cover_letter_id" uuid null, "notes" text null, "applied_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "job_applications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "job_applications_user_id_updated_at_index" on "job_applications" ("user_id", "updated_at");`,
    );
    this.addSql(
      `alter table "job_applications" add constraint "job_applications_user_id_job_id_unique" unique ("user_id", "job_id");`,
    );

    this.addSql(
      `alter table "job_applications" add constraint "job_applications_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_applications" cascade;`);
  }
}
