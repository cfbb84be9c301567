import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { Secrets } from '../../../bootstrap/secrets';
import type { TokenPair } from '../dto/token-pair.dto';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import { RefreshTokenReused, SessionEnded, SessionStarted } from '../events/session.events';
import { TokenService } from '../token.service';
import { AccessTokenDenylist } from './access-token-denylist';
import { SecretBox } from './secret-box';

export interface ClientContext {
  ip?: string;
  userAgent?: string;
}

const invalidRefresh = () =>
  Problem.unauthorized(
    'auth.invalid_refresh_token',
    'The refresh token is invalid, expired or revoked',
  );

/**
 * Sessions are refresh-token families. Every refresh rotates the token under a
 * row lock; presenting a used token again within the grace window returns the
 * same child, any other reuse revokes the family and its live access tokens.
 */
@Injectable()
export class SessionService {
  private readonly box: SecretBox;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly em: EntityManager,
    private readonly tokens: TokenService,
    private readonly denylist: AccessTokenDenylist,
    private readonly config: AppConfig,
    secrets: Secrets,
  ) {
    this.box = new SecretBox(secrets.dataEncryptionKey);
  }

  /** Starts a new family for a user who just proved who they are (inside the caller's transaction). */
  async start(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    client: ClientContext,
  ): Promise<TokenPair> {
    const familyId = uuidv7();
    const familyExpiresAt = new Date(Date.now() + this.config.env.JWT_REFRESH_TTL_SECONDS * 1000);
    events.record(new SessionStarted(familyId, user.id));
    return (await this.issue(em, user, { familyId, familyExpiresAt }, client)).response;
  }

  async refresh(presented: string, client: ClientContext): Promise<TokenPair> {
    const outcome = await this.uow.run(async (em, events) => {
      const token = await em.findOne(
        RefreshToken,
        { tokenHash: hashToken(presented) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const now = new Date();
      if (!token || token.revokedAt || token.familyExpiresAt <= now)
        return { kind: 'invalid' as const };
      const user = await em.findOne(User, token.userId);
      if (!user) return { kind: 'invalid' as const };

      if (token.usedAt) {
        const child = token.replacedById
          ? await em.findOne(RefreshToken, token.replacedById)
          : null;
        const graceMs = this.config.env.REFRESH_REUSE_GRACE_SECONDS * 1000;
        if (
          child &&
          !child.usedAt &&
          !child.revokedAt &&
          now.getTime() - token.usedAt.getTime() <= graceMs
        ) {
          return { kind: 'ok' as const, pair: await this.reissueAccess(child, user) };
        }
        const denied = await this.revokeFamilies(em, { familyId: token.familyId });
        events.record(
          new RefreshTokenReused(token.familyId, { userId: user.id, tokenId: token.id }),
        );
        return { kind: 'reused' as const, denied };
      }

      token.usedAt = now;
      const pair = await this.issue(em, user, token, client);
      token.replacedById = pair.tokenId;
      return { kind: 'ok' as const, pair };
    });
    if (outcome.kind === 'reused') await this.denylist.deny(outcome.denied);
    if (outcome.kind !== 'ok') throw invalidRefresh();
    return outcome.pair.response;
  }

  /** Logout: ends the session the access token belongs to and denies the token itself. */
  async endByAccessToken(userId: string, jti: string, exp: Date): Promise<void> {
    const denied = await this.uow.run(async (em, events) => {
      const token = await em.findOne(RefreshToken, { userId, accessJti: jti });
      if (!token) return [];
      events.record(new SessionEnded(token.familyId, { userId, reason: 'logout' }));
      return this.revokeFamilies(em, { familyId: token.familyId });
    });
    await this.denylist.deny([...denied, { jti, expiresAt: exp }]);
  }

  async endAll(userId: string, reason: 'logout_all' | 'revoked' = 'logout_all'): Promise<void> {
    const denied = await this.uow.run(async (em, events) => {
      const live = await em.find(RefreshToken, {
        userId,
        revokedAt: null,
        familyExpiresAt: { $gt: new Date() },
      });
      for (const familyId of new Set(live.map((t) => t.familyId))) {
        events.record(new SessionEnded(familyId, { userId, reason }));
      }
      return this.revokeFamilies(em, { userId });
    });
    await this.denylist.deny(denied);
  }

  /** Ends one of the user's sessions; someone else's session id is a 404. */
  async end(userId: string, familyId: string): Promise<void> {
    const denied = await this.uow.run(async (em, events) => {
      const live = await em.count(RefreshToken, { userId, familyId, revokedAt: null });
      if (live === 0) throw Problem.notFound('Session');
      events.record(new SessionEnded(familyId, { userId, reason: 'revoked' }));
      return this.revokeFamilies(em, { userId, familyId });
    });
    await this.denylist.deny(denied);
  }

  /** The user's live sessions: the newest token of each family. */
  async list(userId: string): Promise<RefreshToken[]> {
    const tokens = await this.em
      .fork()
      .find(
        RefreshToken,
        { userId, revokedAt: null, usedAt: null, familyExpiresAt: { $gt: new Date() } },
        { orderBy: { createdAt: 'desc' } },
      );
    return tokens;
  }

  private async issue(
    em: EntityManager,
    user: User,
    family: { familyId: string; familyExpiresAt: Date; id?: string },
    client: ClientContext,
  ): Promise<{ tokenId: string; response: TokenPair }> {
    const access = await this.tokens.issueAccessToken(user);
    const plaintext = `rt_${randomBytes(32).toString('base64url')}`;
    const token = em.create(RefreshToken, {
      id: uuidv7(),
      userId: user.id,
      familyId: family.familyId,
      parentId: family.id ?? null,
      tokenHash: hashToken(plaintext),
      tokenCiphertext: this.box.seal(plaintext),
      accessJti: access.jti,
      accessExpiresAt: new Date(Date.now() + access.expiresIn * 1000),
      familyExpiresAt: family.familyExpiresAt,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      createdAt: new Date(),
    });
    return {
      tokenId: token.id,
      response: {
        accessToken: access.token,
        refreshToken: plaintext,
        expiresIn: access.expiresIn,
        tokenType: 'Bearer',
      },
    };
  }

  /** The client lost the response: same refresh token, a new access token (the lost one is denied). */
  private async reissueAccess(
    child: RefreshToken,
    user: User,
  ): Promise<{ tokenId: string; response: TokenPair }> {
    const access = await this.tokens.issueAccessToken(user);
    await this.denylist.deny([{ jti: child.accessJti, expiresAt: child.accessExpiresAt }]);
    child.accessJti = access.jti;
    child.accessExpiresAt = new Date(Date.now() + access.expiresIn * 1000);
    return {
      tokenId: child.id,
      response: {
        accessToken: access.token,
        refreshToken: this.box.open(child.tokenCiphertext),
        expiresIn: access.expiresIn,
        tokenType: 'Bearer',
      },
    };
  }

  /** Revokes every token matching `where`; returns the access tokens to deny after commit. */
  private async revokeFamilies(
    em: EntityManager,
    where: { familyId?: string; userId?: string },
  ): Promise<{ jti: string; expiresAt: Date }[]> {
    const tokens = await em.find(RefreshToken, { ...where, revokedAt: null });
    const now = new Date();
    for (const token of tokens) token.revokedAt = now;
    return tokens.map((t) => ({ jti: t.accessJti, expiresAt: t.accessExpiresAt }));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
