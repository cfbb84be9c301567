import { subject } from '@casl/ability';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineAbilityFor, type Action, type Principal } from '@lib/authz';
import { blogProblems } from './blog.problems';
import { BlogPost } from './entities/blog-post.entity';

/** Who acts on posts: enough of the principal for the CASL rules. */
export type BlogActor = Pick<Principal, 'userId' | 'tier' | 'role'>;

export const postNotFound = (what: string) =>
  blogProblems.problem('blog.post_not_found', `No post ${what}`);

/**
 * A post the actor may act on. Another editor's post is a 404 like a missing
 * one (ids never reveal what others own); admins reach every post.
 */
export async function findEditablePost(
  em: EntityManager,
  actor: BlogActor,
  id: string,
  action: Extract<Action, 'read' | 'update' | 'delete'> = 'read',
  { lock = false } = {},
): Promise<BlogPost> {
  const post = await em.findOne(
    BlogPost,
    { id },
    {
      populate: ['bodyMarkdown', 'bodyHtml'],
      ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}),
    },
  );
  if (!post || !canActOnPost(actor, action, post)) throw postNotFound(id);
  return post;
}

export function canActOnPost(actor: BlogActor, action: Action, post: BlogPost): boolean {
  return defineAbilityFor(actor).can(action, subject('BlogPost', { authorId: post.authorId }));
}

/** Admins see every editor's posts in lists; editors their own. */
export function seesAllPosts(actor: BlogActor): boolean {
  return defineAbilityFor(actor).can('manage', 'all');
}
