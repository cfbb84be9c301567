import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tier } from '@lib/authz';
import { User } from '../entities/user.entity';

/**
 * Changes a user's plan inside the caller's transaction; the admin update and
 * billing both use it. The change is an `identity.user_tier_changed` event on
 * the user stream (audit trail), and that event drops the cached user row on
 * every replica, so abilities follow at once: the auth guard takes the tier
 * (and role) from that row, not from the access token's claims.
 */
@Injectable()
export class UserTiers {
  /** Resolves to the change made, or undefined when nothing changed (or no such user). */
  async change(
    em: EntityManager,
    target: User | string,
    tier: Tier,
  ): Promise<{ userId: string; from: Tier; to: Tier } | undefined> {
    const user =
      typeof target === 'string'
        ? await em.findOne(User, target, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : target;
    if (!user || user.tier === tier) return undefined;
    const from = user.tier;
    user.changeTier(tier);
    return { userId: user.id, from, to: tier };
  }
}
