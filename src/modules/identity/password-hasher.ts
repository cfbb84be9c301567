import { Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { availableParallelism } from 'node:os';
import { AppConfig } from '@lib/config';
import { hasUsablePassword } from './oauth/unusable-password';
import { BoundedPool, PoolFull } from './bounded-pool';
import { identityProblems } from './identity.problems';

/**
 * bcrypt with the configured cost; compares in constant time even for unknown users.
 * Hashes run in a bounded pool (cores − 1 at once by default), so a login storm
 * leaves a core for every other request; with the queue full the answer is an
 * immediate 503 `auth.busy` with Retry-After rather than a growing backlog.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;
  private readonly pool: BoundedPool;

  constructor(private readonly config: AppConfig) {
    const { BCRYPT_MAX_CONCURRENCY, BCRYPT_QUEUE_LIMIT } = config.env;
    this.pool = new BoundedPool(
      BCRYPT_MAX_CONCURRENCY || Math.max(1, availableParallelism() - 1),
      BCRYPT_QUEUE_LIMIT,
    );
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => bcrypt.hash(password, this.config.env.BCRYPT_COST));
  }

  /**
   * Without a user, or for an account without a password (OAuth only), we still
   * spend one bcrypt comparison against a dummy hash, so timing reveals neither.
   */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    this.dummyHash ??= bcrypt.hash('not-a-real-password', this.config.env.BCRYPT_COST);
    const usable = hasUsablePassword(hash);
    const against = usable ? hash! : await this.dummyHash;
    const ok = await this.bounded(() => bcrypt.compare(password, against));
    return ok && usable;
  }

  private async bounded<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.pool.run(task);
    } catch (error) {
      if (!(error instanceof PoolFull)) throw error;
      throw identityProblems.problem(
        'auth.busy',
        'Too many sign-ins are being checked right now; retry shortly',
        { retryAfter: 1 },
      );
    }
  }
}
