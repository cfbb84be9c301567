import { Command } from '@nestjs/cqrs';

export interface StartedOAuth {
  authorizationUrl: string;
  /** Goes into the starting browser's nonce cookie; the callback must bring it back. */
  nonce: string;
}

/** Begins an OAuth flow; returns the provider's authorization URL and the browser nonce. */
export class StartOAuthCommand extends Command<StartedOAuth> {
  constructor(
    readonly provider: string,
    /** Set when a signed-in user links the provider to their account from settings. */
    readonly linkUserId?: string,
  ) {
    super();
  }
}
