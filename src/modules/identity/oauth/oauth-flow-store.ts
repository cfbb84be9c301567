import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectRedis } from '@lib/queue';
import type { OAuthProviderName } from '../entities/user-identity.entity';
import { hashToken, newOpaqueToken } from '../sessions/opaque-token';

/** What the server remembers between the redirect to a provider and its callback. */
export interface PendingAuthorization {
  provider: OAuthProviderName;
  codeVerifier: string;
  /** sha-256 of the nonce cookie set in the browser that started the flow. */
  nonceHash: string;
  /** Set when a signed-in user started the flow to link this provider to their account. */
  linkUserId?: string;
}

/** A provider identity waiting for the signed-in user to confirm the link. */
export interface PendingLink {
  userId: string;
  provider: OAuthProviderName;
  subject: string;
  email: string | null;
}

const STATE_TTL_SECONDS = 600;
const LOGIN_CODE_TTL_SECONDS = 60;
const PENDING_LINK_TTL_SECONDS = 600;
const MFA_CHALLENGE_TTL_SECONDS = 300;

/**
 * Server-side OAuth state (10 min), one-time login codes (60 s), links waiting
 * for confirmation (10 min) and second-factor challenges after an OAuth
 * sign-in (5 min), in Redis, so any replica can finish a flow another one
 * started. Keys hold only the sha-256 of the secret; GETDEL makes single-use
 * secrets usable exactly once.
 */
@Injectable()
export class OAuthFlowStore {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async savePending(state: string, pending: PendingAuthorization): Promise<void> {
    await this.redis.set(
      this.key('state', state),
      JSON.stringify(pending),
      'EX',
      STATE_TTL_SECONDS,
    );
  }

  /** Returns and forgets the pending authorization; undefined when unknown, used or expired. */
  async takePending(state: string): Promise<PendingAuthorization | undefined> {
    const raw = await this.redis.getdel(this.key('state', state));
    return raw ? (JSON.parse(raw) as PendingAuthorization) : undefined;
  }

  /** A one-time code the frontend swaps for a token pair; the tokens never travel in a URL. */
  async issueLoginCode(userId: string): Promise<string> {
    const code = newOpaqueToken('oc');
    await this.redis.set(this.key('code', code), userId, 'EX', LOGIN_CODE_TTL_SECONDS);
    return code;
  }

  takeLoginCode(code: string): Promise<string | null> {
    return this.redis.getdel(this.key('code', code));
  }

  async savePendingLink(link: PendingLink): Promise<string> {
    const id = newOpaqueToken('pl');
    await this.redis.set(
      this.key('link', id),
      JSON.stringify(link),
      'EX',
      PENDING_LINK_TTL_SECONDS,
    );
    return id;
  }

  /** Read without using it up: a mistyped password may be corrected (wrong ones count toward the lock). */
  async pendingLink(id: string): Promise<PendingLink | undefined> {
    const raw = await this.redis.get(this.key('link', id));
    return raw ? (JSON.parse(raw) as PendingLink) : undefined;
  }

  async dropPendingLink(id: string): Promise<void> {
    await this.redis.del(this.key('link', id));
  }

  /** After an OAuth sign-in of a 2FA account: the challenge the second factor is sent with. */
  async issueMfaChallenge(userId: string): Promise<string> {
    const id = newOpaqueToken('mc');
    await this.redis.set(this.key('mfa', id), userId, 'EX', MFA_CHALLENGE_TTL_SECONDS);
    return id;
  }

  /** The challenge's user; it stays valid for a corrected code until used or expired. */
  mfaChallengeUser(id: string): Promise<string | null> {
    return this.redis.get(this.key('mfa', id));
  }

  async dropMfaChallenge(id: string): Promise<void> {
    await this.redis.del(this.key('mfa', id));
  }

  private key(kind: 'state' | 'code' | 'link' | 'mfa', secret: string): string {
    return `oauth:${kind}:${hashToken(secret)}`;
  }
}
