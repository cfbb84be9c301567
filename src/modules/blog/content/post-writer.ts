import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from '@lib/event-store';
import { blogProblems } from '../blog.problems';
import { BlogCategory } from '../entities/blog-category.entity';
import {
  BlogPost,
  type FeaturedImage,
  type PostStatus,
  type SocialOverrides,
} from '../entities/blog-post.entity';
import { BlogPostRevision, type PostContent } from '../entities/blog-post-revision.entity';
import { BlogSlugRedirect } from '../entities/blog-slug-redirect.entity';
import { BlogTag } from '../entities/blog-tag.entity';
import { BlogPostChanged, type PostChange } from '../events/blog.events';
import { makeExcerpt, plainText, readingMinutes, renderMarkdown } from './markdown';
import { slugify } from './slug';

/** The authored fields of a post, as a create or a patch sends them. */
export interface PostInput {
  title?: string;
  slug?: string;
  bodyMarkdown?: string;
  excerpt?: string;
  featuredImage?: FeaturedImage | null;
  categoryId?: string | null;
  tagIds?: string[];
  metaTitle?: string | null;
  metaDescription?: string | null;
  canonicalUrl?: string | null;
  openGraph?: SocialOverrides | null;
  twitter?: SocialOverrides | null;
  status?: PostStatus;
  publishAt?: string | null;
}

const CONTENT_FIELDS = [
  'title',
  'bodyMarkdown',
  'featuredImage',
  'categoryId',
  'tagIds',
  'metaTitle',
  'metaDescription',
  'canonicalUrl',
  'openGraph',
  'twitter',
] as const;

/**
 * The one place a post's content and status change, shared by create, update,
 * restore and scheduled publication: slugs (with their 301 history), rendering,
 * status rules, the revision row and the event, all in the caller's transaction.
 */
@Injectable()
export class PostWriter {
  async save(
    em: EntityManager,
    events: EventRecorder,
    post: BlogPost,
    input: PostInput,
    editorId: string,
    change: PostChange,
    restoredFrom?: number,
  ): Promise<BlogPost> {
    const previousSlug = post.slug;
    const isNew = change === 'created';
    for (const field of CONTENT_FIELDS) {
      if (input[field] !== undefined)
        (post as unknown as Record<string, unknown>)[field] = input[field];
    }
    if (input.categoryId) await this.assertCategory(em, input.categoryId);
    if (input.tagIds) post.tagIds = await this.existingTags(em, [...new Set(input.tagIds)]);
    if (input.slug !== undefined || isNew) {
      await this.changeSlug(em, post, input.slug ? input.slug : slugify(post.title), !input.slug);
    }
    if (input.bodyMarkdown !== undefined || isNew) {
      post.bodyHtml = renderMarkdown(post.bodyMarkdown);
      const text = plainText(post.bodyMarkdown);
      post.readingMinutes = readingMinutes(text);
      if (input.excerpt === undefined && (isNew || !post.excerpt)) post.excerpt = makeExcerpt(text);
    }
    if (input.excerpt !== undefined) post.excerpt = input.excerpt;
    const statusChange = this.applyStatus(post, input);
    post.updatedAt = new Date();
    if (!isNew) post.revision += 1;
    em.create(BlogPostRevision, {
      postId: post.id,
      revision: post.revision,
      content: contentOf(post),
      editorId,
      restoredFrom: restoredFrom ?? null,
      createdAt: post.updatedAt,
    });
    events.record(
      new BlogPostChanged(post.id, {
        change: isNew || change === 'restored' ? change : (statusChange ?? change),
        authorId: post.authorId,
        revision: post.revision,
        status: post.status,
        slug: post.slug,
        publishAt: post.publishAt?.toISOString() ?? null,
        ...(previousSlug && previousSlug !== post.slug ? { previousSlug } : {}),
        ...(restoredFrom !== undefined ? { restoredFrom } : {}),
      }),
    );
    return post;
  }

  /** A scheduled post whose minute has come goes live; anything else is left alone (false). */
  publishDue(events: EventRecorder, post: BlogPost, now: Date): boolean {
    if (post.status !== 'scheduled' || !post.publishAt || post.publishAt > now) return false;
    post.status = 'published';
    post.publishedAt = post.publishAt;
    post.updatedAt = now;
    events.record(
      new BlogPostChanged(post.id, {
        change: 'published',
        authorId: post.authorId,
        revision: post.revision,
        status: post.status,
        slug: post.slug,
        publishAt: post.publishAt.toISOString(),
      }),
    );
    return true;
  }

  private applyStatus(post: BlogPost, input: PostInput): PostChange | undefined {
    if (input.publishAt !== undefined) {
      post.publishAt = input.publishAt ? new Date(input.publishAt) : null;
    }
    const status = input.status;
    if (status === undefined || status === post.status) {
      if (post.status === 'scheduled') this.assertSchedule(post);
      return status === 'scheduled' && input.publishAt !== undefined ? 'scheduled' : undefined;
    }
    post.status = status;
    if (status === 'scheduled') {
      this.assertSchedule(post);
      return 'scheduled';
    }
    if (status === 'published') {
      post.publishedAt ??= new Date();
      post.publishAt = null;
      return 'published';
    }
    if (status === 'archived') return 'archived';
    return undefined;
  }

  private assertSchedule(post: BlogPost): void {
    if (!post.publishAt || post.publishAt.getTime() <= Date.now()) {
      throw blogProblems.problem(
        'blog.invalid_schedule',
        'A scheduled post needs a publishAt in the future',
      );
    }
  }

  /**
   * Moves the post to `wanted` (made unique with -2, -3… when generated). The old
   * slug becomes a redirect; a slug another post uses or used is a 409 when chosen.
   */
  private async changeSlug(
    em: EntityManager,
    post: BlogPost,
    wanted: string,
    generated: boolean,
  ): Promise<void> {
    if (wanted === post.slug) return;
    let candidate = wanted;
    for (let n = 2; !(await this.slugFree(em, candidate, post.id)); n += 1) {
      if (!generated) {
        throw blogProblems.problem('blog.slug_taken', `The slug "${wanted}" is taken`);
      }
      candidate = `${wanted.slice(0, 75)}-${n}`;
    }
    const previous = post.slug;
    post.slug = candidate;
    await em.nativeDelete(BlogSlugRedirect, { slug: candidate, postId: post.id });
    if (previous)
      em.create(BlogSlugRedirect, { slug: previous, postId: post.id, createdAt: new Date() });
  }

  private async slugFree(em: EntityManager, slug: string, postId: string): Promise<boolean> {
    const [usedByPost, redirect] = await Promise.all([
      em.count(BlogPost, { slug, id: { $ne: postId } }),
      em.findOne(BlogSlugRedirect, { slug }),
    ]);
    return usedByPost === 0 && (!redirect || redirect.postId === postId);
  }

  private async assertCategory(em: EntityManager, id: string): Promise<void> {
    if ((await em.count(BlogCategory, { id })) === 0) {
      throw blogProblems.problem('blog.category_not_found', `No category ${id}`);
    }
  }

  private async existingTags(em: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await em.find(BlogTag, { id: { $in: ids } }, { fields: ['id'] });
    if (found.length !== ids.length) {
      const known = new Set(found.map((tag) => tag.id));
      throw blogProblems.problem(
        'blog.tag_not_found',
        `No tag ${ids.find((id) => !known.has(id))}`,
      );
    }
    return ids;
  }
}

export function contentOf(post: BlogPost): PostContent {
  return {
    title: post.title,
    slug: post.slug,
    bodyMarkdown: post.bodyMarkdown,
    excerpt: post.excerpt,
    featuredImage: post.featuredImage,
    categoryId: post.categoryId,
    tagIds: [...post.tagIds],
    metaTitle: post.metaTitle,
    metaDescription: post.metaDescription,
    canonicalUrl: post.canonicalUrl,
    openGraph: post.openGraph,
    twitter: post.twitter,
  };
}
