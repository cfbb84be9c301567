import { Migration } from '@mikro-orm/migrations';

/**
 * Search indexes (see the Job and JobSourceLink entities): the live sources of a job as an
 * index-only lookup, and the newest-first index of active jobs covering `facet_keys` and
 * `salary_annual` (the diff does not see a changed index expression, so its rebuild is written here).
 */
export class Migration20261203135726 extends Migration {
  override up(): void {
    this.addSql(
      `create index "job_source_links_live_idx" on "job_source_links" ("job_id") include ("source") where "removed_at" is null;`,
    );
    this.addSql(`drop index "jobs_active_posted_idx";`);
    this.addSql(
      `create index "jobs_active_posted_idx" on "jobs" ("posted_at" desc, "id" desc) include ("facet_keys", "salary_annual") where "status" = 'active';`,
    );
  }

  override down(): void {
    this.addSql(`drop index "job_source_links_live_idx";`);
    this.addSql(`drop index "jobs_active_posted_idx";`);
    this.addSql(
      `create index "jobs_active_posted_idx" on "jobs" ("posted_at" desc, "id" desc) where "status" = 'active';`,
    );
  }
}
