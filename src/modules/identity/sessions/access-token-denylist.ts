import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';

/** Revoked access tokens, by jti, kept in Redis until they would have expired anyway. */
@Injectable()
export class AccessTokenDenylist {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async deny(tokens: { jti: string; expiresAt: Date }[]): Promise<void> {
    const live = tokens.filter((t) => t.expiresAt.getTime() > Date.now());
    if (live.length === 0) return;
    const batch = this.redis.multi();
    for (const t of live) batch.set(`denylist:jti:${t.jti}`, '1', 'PXAT', t.expiresAt.getTime());
    await batch.exec();
  }

  async isDenied(jti: string): Promise<boolean> {
    return (await this.redis.exists(`denylist:jti:${jti}`)) === 1;
  }
}
