import { Migration } from '@mikro-orm/migrations';

export class Migration20261202155115 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "jobs" ("id" uuid not null, "title" text not null, "company" text not null, "company_key" text not null, "company_url" text null, "company_logo_url" text null, "location" text null, "country" varchar(2) null, "latitude" double precision null, "longitude" double precision null, "remote" boolean not null default false, "workplace_type" text check ("workplace_type" in ('remote', 'hybrid', 'onsite')) null, "employment_type" text check ("employment_type" in ('full_time', 'part_time', 'contract', 'internship', 'temporary')) null, "seniority" text check ("seniority" in ('intern', 'junior', 'mid', 'senior', 'lead', 'executive')) null, "tags" jsonb not null, "salary_min" double precision null, "salary_max" double precision null, "salary_currency" varchar(3) null, "salary_interval" text check ("salary_interval" in ('year', 'month', 'week', 'day', 'hour')) null, "salary_is_estimated" boolean null, "salary_origin" text check ("salary_origin" in ('direct', 'parsed')) null, "salary_annual" int null, "description_html" text not null, "description_text" text not null, "posted_at" timestamptz not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz null, "status" text check ("status" in ('active', 'expired')) not null default 'active', "fingerprint" text not null, "apply_url_key" text null, "minhash" jsonb not null, "search_vector" tsvector generated always as (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(company, '')), 'B') || setweight(to_tsvector('english', left(coalesce(description_text, ''), 20000)), 'C')) stored null, "updated_at" timestamptz not null, constraint "jobs_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "jobs_salary_annual_index" on "jobs" ("salary_annual");`);
    this.addSql(`create index "jobs_company_key_index" on "jobs" ("company_key");`);
    this.addSql(`create index "jobs_apply_url_key_index" on "jobs" ("apply_url_key");`);
    this.addSql(
      `create index "jobs_fingerprint_posted_at_index" on "jobs" ("fingerprint", "posted_at");`,
    );
    this.addSql(`create index "jobs_search_idx" on "jobs" using gin ("search_vector");`);
    this.addSql(
      `create index "jobs_active_posted_idx" on "jobs" ("posted_at" desc, "id" desc) where "status" = 'active';`,
    );

    this.addSql(
      `create table "job_source_health" ("source" text not null, "last_run_at" timestamptz null, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "last_error" text null, "runs" int not null default 0, "failures" int not null default 0, "recent" jsonb not null, "postings_added" int not null default 0, "last_run_added" int not null default 0, "last_run_merged" int not null default 0, "last_run_updated" int not null default 0, "last_run_skipped" int not null default 0, "last_run_expired" int not null default 0, constraint "job_source_health_pkey" primary key ("source"));`,
    );

    this.addSql(
      `create table "job_source_links" ("id" uuid not null, "job_id" uuid not null, "source" text not null, "source_job_id" text not null, "url" text not null, "apply_url" text null, "attribution_text" text null, "attribution_url" text null, "posted_at" timestamptz not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "removed_at" timestamptz null, "matched_by" text not null default 'new', constraint "job_source_links_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "job_source_links_job_id_index" on "job_source_links" ("job_id");`);
    this.addSql(
      `alter table "job_source_links" add constraint "job_source_links_source_source_job_id_unique" unique ("source", "source_job_id");`,
    );

    this.addSql(
      `alter table "job_source_links" add constraint "job_source_links_job_id_foreign" foreign key ("job_id") references "jobs" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "job_source_links" drop constraint "job_source_links_job_id_foreign";`,
    );

    this.addSql(`drop table if exists "jobs" cascade;`);

    this.addSql(`drop table if exists "job_source_health" cascade;`);

    this.addSql(`drop table if exists "job_source_links" cascade;`);
  }
}
