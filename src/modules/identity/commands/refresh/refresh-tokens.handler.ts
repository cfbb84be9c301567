import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { Problem } from '@lib/problems';
import { accountRefusal } from '../../accounts/account-access';
import type { TokenPair } from '../../dto/token-pair.dto';
import { RefreshToken } from '../../entities/refresh-token.entity';
import { User } from '../../entities/user.entity';
import { RefreshTokenReused } from '../../events/session.events';
import { hashToken } from '../../sessions/opaque-token';
import { SessionService } from '../../sessions/session.service';
import { RefreshTokensCommand } from './refresh-tokens.command';

const invalidRefresh = () =>
  Problem.unauthorized(
    'auth.invalid_refresh_token',
    'The refresh token is invalid, expired or revoked',
  );

/**
 * Every refresh rotates the token under a row lock; presenting a used token
 * again within the grace window returns the same child, any other reuse
 * revokes the family and its live access tokens.
 */
@CommandHandler(RefreshTokensCommand)
export class RefreshTokensHandler implements ICommandHandler<RefreshTokensCommand, TokenPair> {
  constructor(
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  async execute({ refreshToken: presented, client }: RefreshTokensCommand): Promise<TokenPair> {
    const pair = await this.sessions.revoking(async (em, events) => {
      const token = await em.findOne(
        RefreshToken,
        { tokenHash: hashToken(presented) },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const now = new Date();
      if (!token || token.revokedAt || token.familyExpiresAt <= now) return { denied: [] };
      // FOR SHARE: waits for an admin's change of role, plan or status to commit, then reads it.
      const user = await em.findOne(User, token.userId, {
        lockMode: LockMode.PESSIMISTIC_READ,
      });
      if (!user || accountRefusal(user, 'access')) return { denied: [] };

      if (!token.usedAt) {
        token.usedAt = now;
        const issued = await this.sessions.issue(em, user, token, client);
        token.replacedById = issued.tokenId;
        return { value: issued.pair, denied: [] };
      }
      const child = token.replacedById ? await em.findOne(RefreshToken, token.replacedById) : null;
      const graceMs = this.config.env.REFRESH_REUSE_GRACE_SECONDS * 1000;
      if (
        child &&
        !child.usedAt &&
        !child.revokedAt &&
        now.getTime() - token.usedAt.getTime() <= graceMs
      ) {
        return this.sessions.reissueAccess(child, user);
      }
      events.record(new RefreshTokenReused(token.familyId, { userId: user.id, tokenId: token.id }));
      return { denied: await this.sessions.revoke(em, { familyId: token.familyId }) };
    });
    if (!pair) throw invalidRefresh();
    return pair;
  }
}
