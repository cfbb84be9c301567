import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefreshToken } from '../../entities/refresh-token.entity';
import { SessionEnded } from '../../events/session.events';
import { SessionService } from '../../sessions/session.service';
import { LogoutCommand } from './logout.command';

/**
 * Logout ends the session the access token belongs to and denies the token
 * itself (also when no session is found for it); logout-all ends every session.
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ principal, everywhere }: LogoutCommand): Promise<void> {
    const { userId } = principal;
    if (everywhere) return this.sessions.endAll(userId);
    const current = { jti: principal.tokenId!, expiresAt: principal.tokenExpiresAt! };
    await this.sessions.revoking(async (em, events) => {
      const token = await em.findOne(RefreshToken, { userId, accessJti: current.jti });
      if (!token) return { denied: [current] };
      events.record(new SessionEnded(token.familyId, { userId, reason: 'logout' }));
      return {
        denied: [...(await this.sessions.revoke(em, { familyId: token.familyId })), current],
      };
    });
  }
}
