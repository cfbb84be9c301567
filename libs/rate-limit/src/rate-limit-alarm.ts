import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { DomainEvent, DomainEventType, UnitOfWork } from '@lib/event-store';
import { InjectRedis } from '@lib/queue';

@DomainEventType('security.rate_limit_exceeded')
export class RateLimitExceeded extends DomainEvent<{ policy: string; key: string; route: string }> {
  constructor(ip: string, payload: { policy: string; key: string; route: string }) {
    super('security', ip, payload);
  }
}

/**
 * Records a refused request as a security event, once per limited key and
 * window: a flood of refused requests must not become a flood of writes.
 */
@Injectable()
export class RateLimitAlarm {
  private readonly logger = new Logger(RateLimitAlarm.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly uow: UnitOfWork,
  ) {}

  async raise(
    policy: string,
    key: string,
    windowMs: number,
    ip: string,
    route: string,
  ): Promise<void> {
    try {
      const first = await this.redis.set(
        `rate-limit-alarm:${policy}:${key}`,
        '1',
        'PX',
        windowMs,
        'NX',
      );
      if (first !== 'OK') return;
      await this.uow.run((_em, events) => {
        events.record(new RateLimitExceeded(ip, { policy, key, route }));
        return Promise.resolve();
      });
    } catch (error) {
      // Losing an alarm must never turn a 429 into a 500.
      this.logger.warn({ err: error }, 'Could not record a rate-limit event');
    }
  }
}
