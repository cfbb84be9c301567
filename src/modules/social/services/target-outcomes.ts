import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventRecorder } from '@lib/event-store';
import type { PublishedPost } from '@lib/providers';
import { SocialPostTarget } from '../entities/social-post-target.entity';
import {
  SocialPostFailed,
  SocialPostPublished,
  SocialPostUnconfirmed,
} from '../events/social.events';

/** Targets whose create went out and whose outcome is not settled yet. */
const OPEN = { $in: ['publishing', 'unconfirmed'] } as const;

/**
 * Settles a target as published, once: only a target still publishing or
 * unconfirmed changes, so a late answer after the check found the post adds nothing.
 */
export async function markPublished(
  em: EntityManager,
  events: EventRecorder,
  target: SocialPostTarget,
  post: PublishedPost,
  via: 'created' | 'duplicate' | 'recent_posts',
): Promise<boolean> {
  const now = new Date();
  const changed = await em.nativeUpdate(
    SocialPostTarget,
    { id: target.id, status: OPEN },
    {
      status: 'published',
      remoteId: post.remoteId,
      remoteUrl: post.url,
      publishedAt: now,
      failureReason: null,
      retryable: null,
      updatedAt: now,
    },
  );
  if (changed === 0) return false;
  events.record(
    new SocialPostPublished(target.post.id, {
      userId: target.userId,
      targetId: target.id,
      accountId: target.account.id,
      network: target.network,
      remoteId: post.remoteId,
      via,
    }),
  );
  return true;
}

export async function markFailed(
  em: EntityManager,
  events: EventRecorder,
  target: SocialPostTarget,
  reason: string,
  retryable: boolean,
): Promise<void> {
  const changed = await em.nativeUpdate(
    SocialPostTarget,
    { id: target.id, status: OPEN },
    { status: 'failed', failureReason: reason, retryable, updatedAt: new Date() },
  );
  if (changed === 0) return;
  events.record(
    new SocialPostFailed(target.post.id, {
      userId: target.userId,
      targetId: target.id,
      network: target.network,
      reason,
      retryable,
    }),
  );
}

/** The create may have succeeded: never sent again until the check or the user settles it. */
export async function markUnconfirmed(
  em: EntityManager,
  events: EventRecorder,
  target: SocialPostTarget,
  reason: string,
): Promise<void> {
  const changed = await em.nativeUpdate(
    SocialPostTarget,
    { id: target.id, status: OPEN },
    { status: 'unconfirmed', failureReason: reason, retryable: true, updatedAt: new Date() },
  );
  if (changed === 0) return;
  events.record(
    new SocialPostUnconfirmed(target.post.id, { userId: target.userId, targetId: target.id }),
  );
}
