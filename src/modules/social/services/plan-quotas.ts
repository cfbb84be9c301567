import type { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG, TIERS, type PlanQuotas, type Tier } from '@lib/authz';
import { Problem } from '@lib/problems';
import { SocialAccount } from '../entities/social-account.entity';

type SocialQuota = Extract<keyof PlanQuotas, 'socialAccounts' | 'scheduledPosts'>;

const DESCRIPTIONS: Record<SocialQuota, string> = {
  socialAccounts: 'connected social accounts',
  scheduledPosts: 'scheduled social posts waiting to publish',
};

/** 403 plan.quota_exceeded with the cheapest plan that allows more, when `used + adding` is over. */
export function assertWithinQuota(
  tier: Tier,
  quota: SocialQuota,
  used: number,
  adding: number,
): void {
  const limit = PLAN_CATALOG[tier].quotas[quota];
  if (used + adding <= limit) return;
  const requiredPlan = TIERS.filter((t) => PLAN_CATALOG[t].quotas[quota] >= used + adding).sort(
    (a, b) => PLAN_CATALOG[a].priceCents - PLAN_CATALOG[b].priceCents,
  )[0];
  throw Problem.forbidden(
    'plan.quota_exceeded',
    `Your plan allows ${limit} ${DESCRIPTIONS[quota]}`,
    { quota, limit, ...(requiredPlan ? { requiredPlan } : {}) },
  );
}

/** Serializes a user's quota checks within the caller's transaction. */
export async function lockUserSocial(em: EntityManager, userId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('social:' || ?))`, [userId]);
}

export const countAccounts = (em: EntityManager, userId: string) =>
  em.count(SocialAccount, { userId });

/** Posts with a target still waiting to publish, other than `exceptPostId` (being rescheduled). */
export async function countScheduledPosts(
  em: EntityManager,
  userId: string,
  exceptPostId?: string,
): Promise<number> {
  const [row] = await em.execute<{ count: string }[]>(
    `select count(distinct post_id) as count from social_post_targets
     where user_id = ? and status = 'queued' and post_id <> ?`,
    [userId, exceptPostId ?? '00000000-0000-0000-0000-000000000000'],
  );
  return Number(row?.count ?? 0);
}
