import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import type { OAuthProviderName } from '../entities/user-identity.entity';
import { hashToken, newOpaqueToken } from '../sessions/opaque-token';

/** What the server remembers between the redirect to a provider and its callback. */
export interface PendingAuthorization {
  provider: OAuthProviderName;
  codeVerifier: string;
  /** Set when a signed-in user started the flow to link this provider to their account. */
  linkUserId?: string;
}

const STATE_TTL_SECONDS = 600;
const LOGIN_CODE_TTL_SECONDS = 60;

/**
 * Server-side, single-use OAuth state (10 min) and one-time login codes (60 s)
 * in Redis, so any replica can finish a flow another one started. Keys hold
 * only the sha-256 of the secret; GETDEL makes each one usable exactly once.
 */
@Injectable()
export class OAuthFlowStore {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async savePending(state: string, pending: PendingAuthorization): Promise<void> {
    await this.redis.set(this.stateKey(state), JSON.stringify(pending), 'EX', STATE_TTL_SECONDS);
  }

  /** Returns and forgets the pending authorization; undefined when unknown, used or expired. */
  async takePending(state: string): Promise<PendingAuthorization | undefined> {
    const raw = await this.redis.getdel(this.stateKey(state));
    return raw ? (JSON.parse(raw) as PendingAuthorization) : undefined;
  }

  /** A one-time code the frontend swaps for a token pair; the tokens never travel in a URL. */
  async issueLoginCode(userId: string): Promise<string> {
    const code = newOpaqueToken('oc');
    await this.redis.set(this.codeKey(code), userId, 'EX', LOGIN_CODE_TTL_SECONDS);
    return code;
  }

  takeLoginCode(code: string): Promise<string | null> {
    return this.redis.getdel(this.codeKey(code));
  }

  private stateKey(state: string): string {
    return `oauth:state:${hashToken(state)}`;
  }

  private codeKey(code: string): string {
    return `oauth:code:${hashToken(code)}`;
  }
}
