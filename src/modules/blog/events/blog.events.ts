import { DomainEvent, DomainEventType } from '@lib/event-store';
import type { PostStatus } from '../entities/blog-post.entity';
import type { CommentStatus } from '../entities/blog-comment.entity';

export const BLOG_POST_STREAM = 'blog_post';
export const BLOG_TAXONOMY_STREAM = 'blog_taxonomy';
export const BLOG_COMMENT_STREAM = 'blog_comment';

export type PostChange =
  'created' | 'updated' | 'restored' | 'scheduled' | 'published' | 'archived' | 'deleted';

export interface BlogPostChangedPayload {
  change: PostChange;
  authorId: string;
  revision: number;
  status: PostStatus;
  slug: string;
  /** ISO time a scheduled post goes live. */
  publishAt: string | null;
  previousSlug?: string;
  restoredFrom?: number;
}

/** Any change of a post; public answers are dropped, a schedule is (re)queued. */
@DomainEventType('blog.post_changed')
export class BlogPostChanged extends DomainEvent<BlogPostChangedPayload> {
  constructor(postId: string, payload: BlogPostChangedPayload) {
    super(BLOG_POST_STREAM, postId, payload);
  }
}

/** A category or tag was created, changed or deleted. */
@DomainEventType('blog.taxonomy_changed')
export class BlogTaxonomyChanged extends DomainEvent<{
  kind: 'category' | 'tag';
  change: 'created' | 'updated' | 'deleted';
  slug: string;
}> {
  constructor(
    id: string,
    payload: { kind: 'category' | 'tag'; change: 'created' | 'updated' | 'deleted'; slug: string },
  ) {
    super(BLOG_TAXONOMY_STREAM, id, payload);
  }
}

/** An author's public profile changed. */
@DomainEventType('blog.author_profile_changed')
export class BlogAuthorProfileChanged extends DomainEvent<{ slug: string }> {
  constructor(userId: string, payload: { slug: string }) {
    super('blog_author', userId, payload);
  }
}

export interface BlogCommentPayload {
  postId: string;
  postAuthorId: string;
  userId: string | null;
  status: CommentStatus;
  heldFor: string | null;
}

/** A reader commented; `status` says whether it shows or waits for moderation. */
@DomainEventType('blog.comment_posted')
export class BlogCommentPosted extends DomainEvent<BlogCommentPayload> {
  constructor(commentId: string, payload: BlogCommentPayload) {
    super(BLOG_COMMENT_STREAM, commentId, payload);
  }
}

/** An editor approved, rejected or marked a comment as spam. */
@DomainEventType('blog.comment_moderated')
export class BlogCommentModerated extends DomainEvent<
  BlogCommentPayload & { from: CommentStatus }
> {
  constructor(commentId: string, payload: BlogCommentPayload & { from: CommentStatus }) {
    super(BLOG_COMMENT_STREAM, commentId, payload);
  }
}

/** A deleted account's comments were anonymised (or removed) and its likes removed. */
@DomainEventType('blog.reader_erased')
export class BlogReaderErased extends DomainEvent<{
  comments: number;
  likes: number;
  keptContent: boolean;
}> {
  constructor(userId: string, payload: { comments: number; likes: number; keptContent: boolean }) {
    super('blog_reader', userId, payload);
  }
}
