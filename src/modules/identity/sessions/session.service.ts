import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidv7 } from 'uuidv7';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { Secrets } from '../../../bootstrap/secrets';
import type { TokenPair } from '../dto/token-pair.dto';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import {
  ImpersonationStarted,
  NewDeviceLogin,
  SessionEnded,
  SessionStarted,
  type SessionEndReason,
} from '../events/session.events';
import { recordDevice } from './known-devices';
import { TokenService, type IssuedAccessToken } from '../token.service';
import { AccessTokenDenylist } from './access-token-denylist';
import { hashToken, newOpaqueToken } from './opaque-token';
import { SecretBox } from '@lib/crypto';

export interface ClientContext {
  ip?: string;
  userAgent?: string;
}

/**
 * Sessions are refresh-token families: starting one, issuing and revoking its
 * tokens, ending all of a user's. The use cases on one session own their logic
 * in their handlers (refresh, logout, end-session, list-sessions) and use the
 * pieces here.
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
    if ((await recordDevice(em, user.id, client.userAgent)) === 'new') {
      events.record(new NewDeviceLogin({ userId: user.id, sessionId: familyId }));
    }
    return (await this.issue(em, user, { familyId, familyExpiresAt }, client)).pair;
  }

  /**
   * Starts an admin's read-only impersonation session as `user` until `expiresAt` (inside the
   * caller's transaction): a session like any other, so the user sees it and can end it, whose
   * access token carries the admin and cannot be refreshed (no refresh token is handed out).
   */
  async startImpersonation(
    em: EntityManager,
    events: EventRecorder,
    user: User,
    impersonation: { adminId: string; reason: string; expiresAt: Date },
    client: ClientContext,
  ): Promise<{ sessionId: string; access: IssuedAccessToken }> {
    const { adminId, reason, expiresAt } = impersonation;
    const access = await this.tokens.issueAccessToken(user, { impersonatedBy: adminId, expiresAt });
    const id = uuidv7();
    const unusable = newOpaqueToken('rt');
    em.create(RefreshToken, {
      id,
      userId: user.id,
      familyId: id,
      parentId: null,
      tokenHash: hashToken(unusable),
      tokenCiphertext: this.box.seal(unusable, refreshTokenContext(id)),
      accessJti: access.jti,
      accessExpiresAt: expiresAt,
      familyExpiresAt: expiresAt,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      impersonatedBy: adminId,
      impersonationReason: reason,
      createdAt: new Date(),
    });
    events.record(
      new ImpersonationStarted(id, {
        userId: user.id,
        adminId,
        reason,
        expiresAt: expiresAt.toISOString(),
      }),
    );
    return { sessionId: id, access };
  }

  /**
   * Ends every session of the user and denies their access tokens (logout-all,
   * password change or reset, account disabled), except the session of
   * `keepAccessJti` when given.
   */
  async endAll(
    userId: string,
    options: { reason?: SessionEndReason; keepAccessJti?: string } = {},
  ): Promise<void> {
    const { reason = 'logout_all', keepAccessJti } = options;
    await this.revoking(async (em, events) => {
      const kept = keepAccessJti
        ? await em.findOne(RefreshToken, { userId, accessJti: keepAccessJti })
        : null;
      const revoked = await this.revoke(em, { userId, exceptFamilyId: kept?.familyId });
      for (const familyId of new Set(revoked.filter((t) => t.live).map((t) => t.familyId))) {
        events.record(new SessionEnded(familyId, { userId, reason }));
      }
      return { denied: revoked };
    });
  }

  /**
   * Denies the user's live access tokens but keeps their sessions: clients get
   * 401, refresh, and the new access token carries the user's current role and
   * plan. Used when an admin changes either, so that a demotion takes effect now.
   */
  async expireAccessTokens(userId: string): Promise<void> {
    const live = await this.em
      .fork()
      .find(RefreshToken, { userId, accessExpiresAt: { $gt: new Date() } });
    await this.denylist.deny(live.map((t) => ({ jti: t.accessJti, expiresAt: t.accessExpiresAt })));
  }

  /**
   * Deletes every session of a user who is being erased, inside the caller's
   * transaction; returns the access tokens to deny once it has committed.
   */
  async forgetAll(em: EntityManager, userId: string): Promise<DeniedToken[]> {
    const denied = await this.revoke(em, { userId });
    await em.nativeDelete(RefreshToken, { userId });
    return denied;
  }

  /** Denies access tokens on every replica until they expire. */
  deny(tokens: DeniedToken[]): Promise<void> {
    return this.denylist.deny(tokens);
  }

  /**
   * Runs a change in one transaction and, once it has committed, denies the
   * access tokens it revoked: Redis never hears of a revocation that rolled back.
   */
  async revoking<T>(
    work: (
      em: EntityManager,
      events: EventRecorder,
    ) => Promise<{ value?: T; denied: DeniedToken[] }>,
  ): Promise<T | undefined> {
    const { value, denied } = await this.uow.run(work);
    await this.denylist.deny(denied);
    return value;
  }

  /** A new access token and refresh token in `family` (inside the caller's transaction). */
  async issue(
    em: EntityManager,
    user: User,
    family: { familyId: string; familyExpiresAt: Date; id?: string },
    client: ClientContext,
  ): Promise<{ tokenId: string; pair: TokenPair }> {
    const access = await this.tokens.issueAccessToken(user);
    const plaintext = newOpaqueToken('rt');
    const id = uuidv7();
    const token = em.create(RefreshToken, {
      id,
      userId: user.id,
      familyId: family.familyId,
      parentId: family.id ?? null,
      tokenHash: hashToken(plaintext),
      tokenCiphertext: this.box.seal(plaintext, refreshTokenContext(id)),
      accessJti: access.jti,
      accessExpiresAt: access.expiresAt,
      familyExpiresAt: family.familyExpiresAt,
      ip: client.ip ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      createdAt: new Date(),
    });
    return { tokenId: token.id, pair: toPair(access, plaintext) };
  }

  /** The client lost the response: same refresh token, a new access token (the lost one is denied). */
  async reissueAccess(
    child: RefreshToken,
    user: User,
  ): Promise<{ value: TokenPair; denied: DeniedToken[] }> {
    const lost = { jti: child.accessJti, expiresAt: child.accessExpiresAt };
    const access = await this.tokens.issueAccessToken(user);
    child.accessJti = access.jti;
    child.accessExpiresAt = access.expiresAt;
    return {
      value: toPair(access, this.box.open(child.tokenCiphertext, refreshTokenContext(child.id))),
      denied: [lost],
    };
  }

  /** Revokes every live token matching `where`; returns them as access tokens to deny. */
  async revoke(
    em: EntityManager,
    where: { familyId?: string; userId?: string; exceptFamilyId?: string },
  ): Promise<(DeniedToken & { familyId: string; live: boolean })[]> {
    const { exceptFamilyId, ...match } = where;
    const tokens = await em.find(RefreshToken, {
      ...match,
      ...(exceptFamilyId ? { familyId: { $ne: exceptFamilyId } } : {}),
      revokedAt: null,
    });
    const now = new Date();
    for (const token of tokens) token.revokedAt = now;
    return tokens.map((t) => ({
      jti: t.accessJti,
      expiresAt: t.accessExpiresAt,
      familyId: t.familyId,
      live: t.familyExpiresAt > now,
    }));
  }
}

export interface DeniedToken {
  jti: string;
  expiresAt: Date;
}

function toPair(access: IssuedAccessToken, refreshToken: string): TokenPair {
  return {
    accessToken: access.token,
    refreshToken,
    expiresIn: access.expiresIn,
    tokenType: 'Bearer',
  };
}

/** A sealed refresh token opens only on its own row. */
const refreshTokenContext = (id: string) => `refresh_tokens.token_ciphertext:${id}`;
