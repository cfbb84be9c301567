import { Migration } from '@mikro-orm/migrations';

export class Migration20261202123326 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pending_access_denials" ("jti" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "pending_access_denials_pkey" primary key ("jti"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pending_access_denials" cascade;`);
  }
}
