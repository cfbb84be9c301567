import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import type { SocialNetworkName } from '@lib/providers';
import { InjectRedis } from '@lib/queue';

export interface PendingConnect {
  userId: string;
  network: SocialNetworkName;
  codeVerifier: string;
}

const TTL_SECONDS = 600;

/**
 * State and PKCE verifier between the redirect to a network and its callback:
 * in Redis under the state's hash for 10 minutes, usable once (GETDEL).
 */
@Injectable()
export class ConnectFlowStore {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async start(
    userId: string,
    network: SocialNetworkName,
  ): Promise<{ state: string; codeChallenge: string }> {
    const state = randomBytes(24).toString('base64url');
    const codeVerifier = randomBytes(48).toString('base64url');
    const pending: PendingConnect = { userId, network, codeVerifier };
    await this.redis.set(this.key(state), JSON.stringify(pending), 'EX', TTL_SECONDS);
    return {
      state,
      codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    };
  }

  async take(state: string): Promise<PendingConnect | undefined> {
    const raw = await this.redis.getdel(this.key(state));
    return raw ? (JSON.parse(raw) as PendingConnect) : undefined;
  }

  private key(state: string): string {
    return `social:connect:${createHash('sha256').update(state).digest('hex')}`;
  }
}
