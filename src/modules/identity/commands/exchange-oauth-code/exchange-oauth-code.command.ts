import { Command } from '@nestjs/cqrs';
import type { TokenPair } from '../../dto/token-pair.dto';
import type { ClientContext } from '../../sessions/session.service';

/** Swaps the one-time code from the OAuth callback redirect for a token pair. */
export class ExchangeOAuthCodeCommand extends Command<TokenPair> {
  constructor(
    readonly code: string,
    readonly client: ClientContext,
  ) {
    super();
  }
}
