import { Migration } from '@mikro-orm/migrations';

export class Migration20261202175243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "blog_authors" ("user_id" uuid not null, "slug" text not null, "name" text not null, "bio" text not null default '', "avatar_url" text null, "social_links" jsonb not null, "updated_at" timestamptz not null, constraint "blog_authors_pkey" primary key ("user_id"));`,
    );
    this.addSql(
      `alter table "blog_authors" add constraint "blog_authors_slug_unique" unique ("slug");`,
    );

    this.addSql(
      `create table "blog_categories" ("id" uuid not null, "slug" text not null, "name" text not null, "description" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "blog_categories_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "blog_categories" add constraint "blog_categories_slug_unique" unique ("slug");`,
    );

    this.addSql(
      `create table "blog_comments" ("id" uuid not null, "post_id" uuid not null, "parent_id" uuid null, "user_id" uuid null, "author_name" text not null, "body" text not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'spam')) not null default 'pending', "held_for" text null, "created_at" timestamptz not null, constraint "blog_comments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "blog_comments_status_created_at_index" on "blog_comments" ("status", "created_at");`,
    );
    this.addSql(`create index "blog_comments_user_id_index" on "blog_comments" ("user_id");`);
    this.addSql(
      `create index "blog_comments_post_id_status_created_at_index" on "blog_comments" ("post_id", "status", "created_at");`,
    );

    this.addSql(
      `create table "blog_posts" ("id" uuid not null, "author_id" uuid not null, "title" text not null, "slug" text not null, "body_markdown" text not null default '', "body_html" text not null default '', "excerpt" text not null default '', "featured_image" jsonb null, "category_id" uuid null, "tag_ids" text[] not null, "meta_title" text null, "meta_description" text null, "canonical_url" text null, "open_graph" jsonb null, "twitter" jsonb null, "reading_minutes" int not null default 1, "status" text check ("status" in ('draft', 'scheduled', 'published', 'archived')) not null default 'draft', "publish_at" timestamptz null, "published_at" timestamptz null, "revision" int not null default 1, "views" int not null default 0, "likes" int not null default 0, "shares" int not null default 0, "search_vector" tsvector generated always as (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') || setweight(to_tsvector('english', left(coalesce(body_markdown, ''), 20000)), 'C')) stored null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "blog_posts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "blog_posts" add constraint "blog_posts_slug_unique" unique ("slug");`,
    );
    this.addSql(
      `create index "blog_posts_status_publish_at_index" on "blog_posts" ("status", "publish_at");`,
    );
    this.addSql(
      `create index "blog_posts_author_id_updated_at_index" on "blog_posts" ("author_id", "updated_at");`,
    );
    this.addSql(
      `create index "blog_posts_search_idx" on "blog_posts" using gin ("search_vector");`,
    );
    this.addSql(`create index "blog_posts_tags_idx" on "blog_posts" using gin ("tag_ids");`);
    this.addSql(
      `create index "blog_posts_category_published_idx" on "blog_posts" ("category_id", "published_at" desc, "id" desc) where "status" = 'published';`,
    );
    this.addSql(
      `create index "blog_posts_published_idx" on "blog_posts" ("published_at" desc, "id" desc) where "status" = 'published';`,
    );

    this.addSql(
      `create table "blog_post_likes" ("post_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "blog_post_likes_pkey" primary key ("post_id", "user_id"));`,
    );
    this.addSql(`create index "blog_post_likes_user_id_index" on "blog_post_likes" ("user_id");`);

    this.addSql(
      `create table "blog_post_revisions" ("id" uuid not null, "post_id" uuid not null, "revision" int not null, "content" jsonb not null, "editor_id" uuid not null, "restored_from" int null, "created_at" timestamptz not null, constraint "blog_post_revisions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "blog_post_revisions" add constraint "blog_post_revisions_post_id_revision_unique" unique ("post_id", "revision");`,
    );

    this.addSql(
      `create table "blog_slug_redirects" ("slug" text not null, "post_id" uuid not null, "created_at" timestamptz not null, constraint "blog_slug_redirects_pkey" primary key ("slug"));`,
    );
    this.addSql(
      `create index "blog_slug_redirects_post_id_index" on "blog_slug_redirects" ("post_id");`,
    );

    this.addSql(
      `create table "blog_tags" ("id" uuid not null, "slug" text not null, "name" text not null, "description" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "blog_tags_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "blog_tags" add constraint "blog_tags_slug_unique" unique ("slug");`);

    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);

    this.addSql(
      `alter table "users" add constraint "users_role_check" check("role" in ('user', 'editor', 'admin'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "blog_authors" cascade;`);

    this.addSql(`drop table if exists "blog_categories" cascade;`);

    this.addSql(`drop table if exists "blog_comments" cascade;`);

    this.addSql(`drop table if exists "blog_posts" cascade;`);

    this.addSql(`drop table if exists "blog_post_likes" cascade;`);

    this.addSql(`drop table if exists "blog_post_revisions" cascade;`);

    this.addSql(`drop table if exists "blog_slug_redirects" cascade;`);

    this.addSql(`drop table if exists "blog_tags" cascade;`);

    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);

    this.addSql(
      `alter table "users" add constraint "users_role_check" check("role" in ('user', 'admin'));`,
    );
  }
}
