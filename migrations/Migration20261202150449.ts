import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150449 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user_tokens" drop constraint if exists "user_tokens_purpose_check";`);

    this.addSql(
      `alter table "users" add column "pending_email" text null, add column "email_change_locked_until" timestamptz null;`,
    );

    this.addSql(
      `alter table "user_tokens" add constraint "user_tokens_purpose_check" check("purpose" in ('email_verification', 'password_reset', 'email_change', 'email_change_cancel'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_tokens" drop constraint if exists "user_tokens_purpose_check";`);

    this.addSql(
      `alter table "users" drop column "pending_email", drop column "email_change_locked_until";`,
    );

    this.addSql(
      `alter table "user_tokens" add constraint "user_tokens_purpose_check" check("purpose" in ('email_verification', 'password_reset'));`,
    );
  }
}
