import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AccessTokenDenylist } from '../sessions/access-token-denylist';

const SWEEP_EVERY_MS = 30_000;

/**
 * Writes access-token denials that Redis refused after their revocation
 * committed. Writing a denial twice changes nothing, so every worker replica
 * may run it without a lock.
 */
@Injectable()
export class PendingDenialsSweep {
  private readonly logger = new Logger(PendingDenialsSweep.name);

  constructor(private readonly denylist: AccessTokenDenylist) {}

  @Interval(SWEEP_EVERY_MS)
  async sweep(): Promise<void> {
    try {
      const written = await this.denylist.retryPending();
      if (written > 0) this.logger.warn(`Denied ${written} parked access token(s)`);
    } catch (error) {
      this.logger.error(`Parked access-token denials still wait: ${(error as Error).message}`);
    }
  }
}
