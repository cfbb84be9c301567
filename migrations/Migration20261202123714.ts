import { Migration } from '@mikro-orm/migrations';

/**
 * Live links (verification, password reset) are no longer stored readable: the
 * stored body has them redacted and the real one waits sealed until delivery.
 * Messages stored before this lose their links now.
 */
export class Migration20261202123714 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mail_messages" add column "sealed_body" text null;`);
    this.addSql(`
      update "mail_messages"
         set "html" = regexp_replace("html", 'https?://[^"''\\s<>]*[?&]token=[A-Za-z0-9_-]+', '[redacted link]', 'g'),
             "text" = regexp_replace("text", 'https?://[^"''\\s<>]*[?&]token=[A-Za-z0-9_-]+', '[redacted link]', 'g')
       where "template" in ('verify-email', 'password-reset');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mail_messages" drop column "sealed_body";`);
  }
}
