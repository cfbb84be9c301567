import { Migration } from '@mikro-orm/migrations';

export class Migration20261202121117 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "user_identities" add column "linked_while_email_unverified" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_identities" drop column "linked_while_email_unverified";`);
  }
}
