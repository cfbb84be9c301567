import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134803 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "billing_webhook_events_unprocessed_idx" on "billing_webhook_events" ("object_id", "received_at") where "processed_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "billing_webhook_events_unprocessed_idx";`);
  }
}
