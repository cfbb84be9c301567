import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export interface SocialLinks {
  website?: string;
  twitter?: string;
  linkedin?: string;
  github?: string;
}

/** An author's public profile; the id is the user's. */
@Entity({ tableName: 'blog_authors' })
export class BlogAuthor {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  bio = '';

  @Property({ type: 'text', nullable: true })
  avatarUrl: string | null = null;

  @Property({ type: 'json' })
  socialLinks: SocialLinks = {};

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}
