import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionService } from '../../sessions/session.service';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(private readonly sessions: SessionService) {}

  async execute({ principal, everywhere }: LogoutCommand): Promise<void> {
    if (everywhere) return this.sessions.endAll(principal.userId);
    await this.sessions.endByAccessToken(
      principal.userId,
      principal.tokenId!,
      principal.tokenExpiresAt!,
    );
  }
}
