import { Migration } from '@mikro-orm/migrations';

/** Users: failed sign-in count and lock (account lockout), and disabled accounts. */
export class Migration20261126011350 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "users" add column "failed_logins" int not null default 0, add column "locked_until" timestamptz null, add column "disabled_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "users" drop column "failed_logins", drop column "locked_until", drop column "disabled_at";`,
    );
  }
}
