import { Command } from '@nestjs/cqrs';
import type { TokenPair } from '../../dto/token-pair.dto';
import type { ClientContext } from '../../sessions/session.service';

/** Finishes an OAuth sign-in of a 2FA account: the challenge from the exchange plus a code. */
export class VerifyOAuthSecondFactorCommand extends Command<TokenPair> {
  constructor(
    readonly mfaChallenge: string,
    readonly code: string,
    readonly client: ClientContext,
  ) {
    super();
  }
}
