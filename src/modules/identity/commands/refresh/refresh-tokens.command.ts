import { Command } from '@nestjs/cqrs';
import type { TokenPair } from '../../dto/token-pair.dto';
import type { ClientContext } from '../../sessions/session.service';

export class RefreshTokensCommand extends Command<TokenPair> {
  constructor(
    readonly refreshToken: string,
    readonly client: ClientContext,
  ) {
    super();
  }
}
