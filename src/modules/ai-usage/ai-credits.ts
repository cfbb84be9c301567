import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RateLimitOverage, RateLimitPolicyName } from '@lib/rate-limit';
import { AiCreditBalance } from './entities/ai-credit-balance.entity';

/**
 * Purchased AI credits. Billing grants them (inside its transaction, once per
 * paid checkout); AI routes spend one per call after the plan's own hourly AI
 * quota is used up (the `ai` rate limit asks before refusing).
 */
@Injectable()
export class AiCredits implements RateLimitOverage {
  constructor(private readonly em: EntityManager) {}

  async grant(em: EntityManager, userId: string, credits: number): Promise<void> {
    await em.execute(
      `insert into ai_credits (user_id, balance, updated_at) values (?, ?, now())
       on conflict (user_id) do update set balance = ai_credits.balance + excluded.balance,
       updated_at = now()`,
      [userId, credits],
    );
  }

  /** Spends one credit for an AI call over the `ai` limit; false when there is none left. Atomic. */
  async trySpend(policy: RateLimitPolicyName, userId: string): Promise<boolean> {
    if (policy !== 'ai') return false;
    const rows = await this.em.fork().execute<{ balance: number }[]>(
      `update ai_credits set balance = balance - 1, updated_at = now()
       where user_id = ? and balance > 0 returning balance`,
      [userId],
    );
    return rows.length > 0;
  }

  async balance(userId: string): Promise<number> {
    return (await this.em.fork().findOne(AiCreditBalance, { userId }))?.balance ?? 0;
  }
}
