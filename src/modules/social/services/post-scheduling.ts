import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tier } from '@lib/authz';
import type { EventRecorder } from '@lib/event-store';
import { SocialAccount } from '../entities/social-account.entity';
import type { SocialPost } from '../entities/social-post.entity';
import { SocialPostTarget } from '../entities/social-post-target.entity';
import { SocialPostScheduled } from '../events/social.events';
import { socialProblems } from '../social.problems';
import { violationsOf } from './post-content';
import { assertWithinQuota, countScheduledPosts, lockUserSocial } from './plan-quotas';

const NOW_TOLERANCE_MS = 60_000;

/** The user's accounts by id, in the order asked; 404 when one is not theirs. */
export async function ownAccounts(
  em: EntityManager,
  userId: string,
  ids: string[],
): Promise<SocialAccount[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const accounts = await em.find(SocialAccount, { id: { $in: unique }, userId });
  const missing = unique.filter((id) => !accounts.some((a) => a.id === id));
  if (missing.length > 0) {
    throw socialProblems.problem('social.account_not_found', `No account ${missing.join(', ')}`, {
      accountIds: missing,
    });
  }
  return unique.map((id) => accounts.find((a) => a.id === id)!);
}

/** 422 naming each network and rule the post breaks on the accounts' networks; nothing queued. */
export function assertPublishable(post: SocialPost, accounts: SocialAccount[]): void {
  const violations = violationsOf(
    post,
    accounts.map((a) => a.network),
  );
  if (violations.length > 0) {
    throw socialProblems.problem(
      'social.post_invalid',
      violations.map((v) => `${v.network}: ${v.rule}`).join('; '),
      { violations },
    );
  }
}

/** 409 once a target has gone out (or is going): the post can no longer change. */
export async function assertEditable(em: EntityManager, post: SocialPost): Promise<void> {
  const started = await em.count(SocialPostTarget, {
    post: post.id,
    status: { $in: ['publishing', 'published'] },
  });
  if (started > 0) {
    throw socialProblems.problem(
      'social.post_locked',
      'A target has been published or is publishing',
    );
  }
}

/**
 * Gives every account of the post a queued target at its time (`timeFor`):
 * validates first, counts the `scheduledPosts` quota, drops targets of accounts
 * no longer on the post, and records the event whose handler queues the jobs.
 * Failed and unconfirmed targets are queued again only when `requeue` says so
 * (publish-now: the user chose to send again).
 */
export async function scheduleTargets(
  em: EntityManager,
  events: EventRecorder,
  input: {
    post: SocialPost;
    tier: Tier;
    timeFor: (account: SocialAccount) => Date;
    requeue?: boolean;
  },
): Promise<SocialPostTarget[]> {
  const { post, tier, timeFor } = input;
  if (post.accountIds.length === 0) {
    throw socialProblems.problem('social.no_accounts', 'Choose at least one account');
  }
  const accounts = await ownAccounts(em, post.userId, post.accountIds);
  const needReconnect = accounts.filter((a) => a.health() === 'reconnect_required');
  if (needReconnect.length > 0) {
    throw socialProblems.problem('social.account_needs_reconnect', 'Reconnect the account first', {
      accountIds: needReconnect.map((a) => a.id),
    });
  }
  assertPublishable(post, accounts);
  await lockUserSocial(em, post.userId);
  await assertEditable(em, post);
  // Publishing now is not scheduling: only posts waiting for a later time count.
  const later = accounts.some((a) => timeFor(a).getTime() > Date.now() + NOW_TOLERANCE_MS);
  if (later) {
    const waiting = await countScheduledPosts(em, post.userId, post.id);
    assertWithinQuota(tier, 'scheduledPosts', waiting, 1);
  }

  const existing = await em.find(SocialPostTarget, { post: post.id });
  for (const target of existing) {
    if (!post.accountIds.includes(target.account.id)) em.remove(target);
  }
  const now = new Date();
  const scheduled: SocialPostTarget[] = [];
  for (const account of accounts) {
    let target = existing.find((t) => t.account.id === account.id);
    const at = timeFor(account);
    if (!target) {
      target = em.create(SocialPostTarget, {
        post,
        account,
        userId: post.userId,
        network: account.network,
        status: 'queued',
        scheduledAt: at,
        updatedAt: now,
      });
    } else if (target.status === 'queued' || input.requeue) {
      Object.assign(target, {
        status: 'queued',
        scheduledAt: at,
        failureReason: null,
        retryable: null,
        updatedAt: now,
      });
    } else {
      continue;
    }
    scheduled.push(target);
  }
  post.status = 'scheduled';
  const times = scheduled.map((t) => t.scheduledAt.getTime());
  if (times.length > 0) post.scheduledAt = new Date(Math.min(...times));
  post.updatedAt = now;
  events.record(
    new SocialPostScheduled(post.id, {
      userId: post.userId,
      targets: scheduled.map((t) => ({
        targetId: t.id,
        accountId: t.account.id,
        network: t.network,
        scheduledAt: t.scheduledAt.toISOString(),
      })),
    }),
  );
  return scheduled;
}

/** Back to a draft: queued targets go; published or failed ones stay as history. */
export async function unscheduleTargets(em: EntityManager, post: SocialPost): Promise<void> {
  await em.nativeDelete(SocialPostTarget, { post: post.id, status: 'queued' });
  post.status = 'draft';
  post.scheduledAt = null;
}
