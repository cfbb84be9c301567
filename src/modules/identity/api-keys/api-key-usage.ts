import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import { ApiKey } from '../entities/api-key.entity';

const RECORD_EVERY_MS = 60_000;

/**
 * Keeps `lastUsedAt` current to the minute without a database write per
 * request: a Redis `SET NX PX` lets one request per key per minute (across
 * all replicas) through to a single-row UPDATE. It is usage telemetry, not a
 * change of state, so it records no domain event; a failure never fails the call.
 */
@Injectable()
export class ApiKeyUsage {
  private readonly logger = new Logger(ApiKeyUsage.name);

  constructor(
    private readonly em: EntityManager,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async record(apiKeyId: string, at = new Date()): Promise<void> {
    try {
      const first = await this.redis.set(
        `api-key:used:${apiKeyId}`,
        '1',
        'PX',
        RECORD_EVERY_MS,
        'NX',
      );
      if (first !== 'OK') return;
      await this.em.fork().nativeUpdate(ApiKey, { id: apiKeyId }, { lastUsedAt: at });
    } catch (error: unknown) {
      this.logger.warn({ err: error, apiKeyId }, 'Could not record API key use');
    }
  }
}
