import { Migration } from '@mikro-orm/migrations';

/** Initial schema: event store (append-only), users, mail messages, plans. */
export class Migration20261126001004 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "mail_messages" ("id" uuid not null, "from_address" text not null, "recipients" jsonb not null, "subject" text not null, "html" text not null, "text" text not null, "template" text null, "status" text check ("status" in ('queued', 'sent', 'failed')) not null default 'queued', "driver" text null, "provider_message_id" text null, "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "mail_messages_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mail_messages_created_at_index" on "mail_messages" ("created_at");`);

    this.addSql(
      `create table "plans" ("tier" text not null, "name" text not null, "price_cents" int not null, "currency" text not null, "interval" text null, "features" jsonb not null, "quotas" jsonb not null, "rate_limits" jsonb not null, "updated_at" timestamptz not null, constraint "plans_pkey" primary key ("tier"));`,
    );

    this.addSql(
      `create table "event_store" ("id" uuid not null, "seq" bigserial, "stream_type" text not null, "stream_id" text not null, "version" int not null, "type" text not null, "payload" jsonb not null, "metadata" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null, "prev_hash" text not null, "hash" text not null, constraint "event_store_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "event_store" add constraint "event_store_seq_unique" unique ("seq");`,
    );
    this.addSql(`create index "event_store_occurred_at_index" on "event_store" ("occurred_at");`);
    this.addSql(`create index "event_store_type_seq_index" on "event_store" ("type", "seq");`);
    this.addSql(
      `alter table "event_store" add constraint "event_store_stream_type_stream_id_version_unique" unique ("stream_type", "stream_id", "version");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" text not null, "password_hash" text not null, "name" text not null, "role" text check ("role" in ('user', 'admin')) not null default 'user', "tier" text check ("tier" in ('free', 'pro', 'premium')) not null default 'free', "last_login_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.eventStoreIsAppendOnly();
  }

  /**
   * The audit trail cannot be rewritten through SQL: UPDATE is allowed only to
   * stamp published_at once (the outbox), DELETE and TRUNCATE never.
   */
  private eventStoreIsAppendOnly(): void {
    this.addSql(
      `create index "event_store_unpublished_index" on "event_store" ("seq") where "published_at" is null;`,
    );
    this.addSql(
      `create index "event_store_actor_index" on "event_store" ((metadata->'actor'->>'id'), "seq");`,
    );
    this.addSql(
      `create index "event_store_stream_index" on "event_store" ("stream_type", "stream_id", "seq");`,
    );
    this.addSql(`
      create function event_store_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE'
           and old.published_at is null and new.published_at is not null
           and (new.id, new.seq, new.stream_type, new.stream_id, new.version, new.type, new.payload,
                new.metadata, new.occurred_at, new.prev_hash, new.hash)
               is not distinct from
               (old.id, old.seq, old.stream_type, old.stream_id, old.version, old.type, old.payload,
                old.metadata, old.occurred_at, old.prev_hash, old.hash) then
          return new;
        end if;
        raise exception 'event_store is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end;
      $$;`);
    this.addSql(
      `create trigger event_store_no_update before update or delete on "event_store" for each row execute function event_store_append_only();`,
    );
    this.addSql(
      `create trigger event_store_no_truncate before truncate on "event_store" for each statement execute function event_store_append_only();`,
    );
  }
}
