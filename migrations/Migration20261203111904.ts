import { Migration } from '@mikro-orm/migrations';

export class Migration20261203111904 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "jobs" add column "facet_keys" text[] generated always as (array_remove(array[case when employment_type is not null then 'et:' || employment_type end, case when seniority is not null then 'sn:' || seniority end, case when workplace_type is not null then 'wp:' || workplace_type end, case when remote then 'remote' end, case when country is not null then 'cc:' || country end], null)) stored null;`,
    );
    this.addSql(`create index "jobs_facet_keys_idx" on "jobs" using gin ("facet_keys");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "jobs_facet_keys_idx";`);
    this.addSql(`alter table "jobs" drop column "facet_keys";`);
  }
}
