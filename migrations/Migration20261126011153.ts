import { Migration } from '@mikro-orm/migrations';

export class Migration20261126011153 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "users" add column "two_factor_enabled" boolean not null default false, add column "totp_secret_sealed" text null, add column "totp_last_step" int null, add column "recovery_code_hashes" jsonb null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "users" drop column "two_factor_enabled", drop column "totp_secret_sealed", drop column "totp_last_step", drop column "recovery_code_hashes";`,
    );
  }
}
