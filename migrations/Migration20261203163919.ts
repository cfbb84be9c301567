import { Migration } from '@mikro-orm/migrations';

/**
 * Events whose processing syncs one subscription name it in `subscription_id`, so one sync
 * marks a whole burst processed; the unprocessed-events index follows that column.
 */
export class Migration20261203163919 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "billing_webhook_events" add column "subscription_id" text null;`);
    this.addSql(
      `update "billing_webhook_events" set "subscription_id" = "object_id"
        where "processed_at" is null and "type" like 'customer.subscription.%';`,
    );
    this.addSql(`drop index if exists "billing_webhook_events_unprocessed_idx";`);
    this.addSql(
      `create index "billing_webhook_events_unprocessed_idx" on "billing_webhook_events" ("subscription_id", "received_at") where "processed_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "billing_webhook_events_unprocessed_idx";`);
    this.addSql(
      `create index "billing_webhook_events_unprocessed_idx" on "billing_webhook_events" ("object_id", "received_at") where "processed_at" is null;`,
    );
    this.addSql(`alter table "billing_webhook_events" drop column "subscription_id";`);
  }
}
