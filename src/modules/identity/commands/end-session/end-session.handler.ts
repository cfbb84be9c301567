import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { SessionEnded } from '../../events/session.events';
import { SessionService } from '../../sessions/session.service';
import { EndSessionCommand } from './end-session.command';

/** Ends one of the user's sessions (signs that device out); someone else's session id is a 404. */
@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand, void> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ userId, sessionId }: EndSessionCommand): Promise<void> {
    await this.sessions.revoking(async (em, events) => {
      const revoked = await this.sessions.revoke(em, { userId, familyId: sessionId });
      if (revoked.length === 0) throw Problem.notFound('Session');
      events.record(new SessionEnded(sessionId, { userId, reason: 'revoked' }));
      return { denied: revoked };
    });
  }
}
