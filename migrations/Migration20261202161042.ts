import { Migration } from '@mikro-orm/migrations';

export class Migration20261202161042 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "saved_jobs" ("id" uuid not null, "user_id" uuid not null, "job_id" uuid not null, "created_at" timestamptz not null, constraint "saved_jobs_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "saved_jobs_user_id_created_at_index" on "saved_jobs" ("user_id", "created_at");`,
    );
    this.addSql(
      `alter table "saved_jobs" add constraint "saved_jobs_user_id_job_id_unique" unique ("user_id", "job_id");`,
    );

    this.addSql(
      `alter table "saved_jobs" add constraint "saved_jobs_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_jobs" cascade;`);
  }
}
