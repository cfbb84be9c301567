import { Migration } from '@mikro-orm/migrations';

export class Migration20261203072202 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "refresh_tokens" add column "impersonated_by" uuid null, add column "impersonation_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "refresh_tokens" drop column "impersonated_by", drop column "impersonation_reason";`,
    );
  }
}
