import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionService } from '../../sessions/session.service';
import { EndSessionCommand } from './end-session.command';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand, void> {
  constructor(private readonly sessions: SessionService) {}

  execute({ userId, sessionId }: EndSessionCommand): Promise<void> {
    return this.sessions.end(userId, sessionId);
  }
}
