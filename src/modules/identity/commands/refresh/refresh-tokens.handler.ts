import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TokenPair } from '../../dto/token-pair.dto';
import { SessionService } from '../../sessions/session.service';
import { RefreshTokensCommand } from './refresh-tokens.command';

@CommandHandler(RefreshTokensCommand)
export class RefreshTokensHandler implements ICommandHandler<RefreshTokensCommand, TokenPair> {
  constructor(private readonly sessions: SessionService) {}

  execute(command: RefreshTokensCommand): Promise<TokenPair> {
    return this.sessions.refresh(command.refreshToken, command.client);
  }
}
