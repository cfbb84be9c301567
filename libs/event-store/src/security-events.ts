import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import type { DomainEvent } from './domain-event';
import { UnitOfWork } from './unit-of-work';

/**
 * Appends security events raised by refused requests (rate limits, bad tokens,
 * denied permissions) at most once per `dedupeKey` and window, so a flood of
 * refused requests never becomes a flood of writes. Never throws: losing an
 * alarm must not turn a 401/403/429 into a 500.
 */
@Injectable()
export class SecurityEvents {
  private readonly logger = new Logger(SecurityEvents.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly uow: UnitOfWork,
  ) {}

  async recordOncePer(dedupeKey: string, windowMs: number, event: DomainEvent): Promise<void> {
    try {
      const first = await this.redis.set(`security-event:${dedupeKey}`, '1', 'PX', windowMs, 'NX');
      if (first !== 'OK') return;
      await this.uow.run((_em, events) => {
        events.record(event);
        return Promise.resolve();
      });
    } catch (error) {
      this.logger.warn({ err: error }, `Could not record ${event.type}`);
    }
  }
}
